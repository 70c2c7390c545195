import { and, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '../../db/client';
import { placeholders, statementFor } from '../../db/prepared';
import type { Bind } from '../../http/access';
import { members, orgUnits, residentialAreas } from '../../db/schema';
import {
  livesAwaySql,
  searchCondition,
  type Cursor,
  type SearchMode,
  type SearchScope,
} from '../../db/member-sql';
import type { MemberListQuery } from '../../../shared/contracts/members';

// Search and paging helpers live in db/member-sql.ts (shared by every module that lists members).
export {
  canSearchFuzzy,
  decodeCursor,
  encodeCursor,
  searchCondition,
  type Cursor,
  type SearchMode,
} from '../../db/member-sql';

const cell = alias(orgUnits, 'cell');
const commune = alias(orgUnits, 'commune');
const resCell = alias(orgUnits, 'res_cell');
const workplace = alias(orgUnits, 'workplace');

const livesAway = livesAwaySql(sql`${members.registeredCommune}`, sql`${commune.name}`);

export const listColumns = {
  id: members.id,
  fullName: members.fullName,
  sex: members.sex,
  dateOfBirth: members.dateOfBirth,
  cardNumber: members.cardNumber,
  phone: members.phone,
  cellId: members.cellId,
  cellName: cell.name,
  category: members.category,
  status: members.status,
  residenceCommuneId: members.residenceCommuneId,
  residenceCommuneName: commune.name,
  residenceAreaName: residentialAreas.name,
  isWorking: sql<boolean>`(${cell.type} = 'workplace_cell')`,
  livesAway,
  sortKey: members.sortKey,
};

export function listFilters(
  scope: SQL,
  query: Omit<MemberListQuery, 'limit' | 'cursor'>,
  mode: SearchMode = 'exact',
  searchScope: SearchScope = 'scoped',
): SQL[] {
  const where: SQL[] = [scope];
  const search = query.q ? searchCondition(query.q, mode, undefined, searchScope) : undefined;
  if (search) where.push(search);
  if (query.unitId)
    where.push(
      sql`${members.cellId} = any(array(select u.id from org_units u where u.path <@ (select p.path from org_units p where p.id = ${query.unitId})))`,
    );
  if (query.residenceCommuneId) where.push(eq(members.residenceCommuneId, query.residenceCommuneId));
  if (query.category) where.push(eq(members.category, query.category));
  if (query.status) where.push(eq(members.status, query.status));
  if (query.workingOnly) where.push(sql`${cell.type} = 'workplace_cell'`);
  return where;
}

/** One keyset page in Vietnamese name order (index members_sort). */
export async function listMembers(db: Executor, where: SQL[], cursor: Cursor | null, limit: number) {
  const conditions = [...where];
  if (cursor)
    conditions.push(
      sql`(${members.sortKey} collate "C", ${members.id}) > (${cursor.k} collate "C", ${cursor.id}::uuid)`,
    );
  return db
    .select(listColumns)
    .from(members)
    .innerJoin(cell, eq(cell.id, members.cellId))
    .leftJoin(commune, eq(commune.id, members.residenceCommuneId))
    .leftJoin(residentialAreas, eq(residentialAreas.id, members.residenceAreaId))
    .where(and(...conditions))
    .orderBy(sql`${members.sortKey} collate "C"`, members.id)
    .limit(limit);
}

export interface MembershipRow {
  id: string;
  unitId: string;
  unitName: string;
  kind: 'party_cell' | 'residence_cell';
  role: string;
  validFrom: string;
  validTo: string | null;
}

/** The dated memberships as listMemberships orders them, as one JSON column (the detail is one query). */
const membershipsJson = sql<
  MembershipRow[]
>`coalesce((select json_agg(json_build_object('id', um.id, 'unitId', um.unit_id,
  'unitName', mu.name, 'kind', um.kind, 'role', um.role, 'validFrom', um.valid_from, 'validTo', um.valid_to)
  order by um.valid_from desc, um.kind) from unit_memberships um join org_units mu on mu.id = um.unit_id
  where um.member_id = ${members.id}), '[]'::json)`;

/** A member within `scope`, with `canEdit` (within `writeScope`) and the memberships, in one round trip. */
function selectMember(db: Executor, id: string | Placeholder, scope: SQL, writeScope: SQL) {
  return db
    .select({
      ...listColumns,
      member: members,
      residenceCellName: resCell.name,
      workplaceCommitteeName: workplace.name,
      canEdit: sql<boolean>`coalesce(${writeScope}, false)`,
      memberships: membershipsJson,
    })
    .from(members)
    .innerJoin(cell, eq(cell.id, members.cellId))
    .leftJoin(workplace, sql`${workplace.id} = ${cell.parentId} and ${cell.type} = 'workplace_cell'`)
    .leftJoin(commune, eq(commune.id, members.residenceCommuneId))
    .leftJoin(residentialAreas, eq(residentialAreas.id, members.residenceAreaId))
    .leftJoin(resCell, eq(resCell.id, members.residenceCellId))
    .where(and(eq(members.id, id), scope))
    .limit(1);
}

export async function findMember(db: Executor, id: string, scope: SQL, writeScope: SQL = sql`false`) {
  const rows = await selectMember(db, id, scope, writeScope);
  return rows[0];
}

type DetailStatement = ReturnType<ReturnType<typeof selectMember>['prepare']>;

/** The statement and scope values of an actor's record reads, kept while its resolved grants are (decision 0015). */
const detailByGrants = new WeakMap<
  object,
  { db: Db; memberId: string | null; statement: DetailStatement; params: Record<string, unknown> }
>();

/**
 * findMember for the record read, as a prepared statement per scope shape (db/prepared.ts): `scopes` builds
 * the read and write scopes with the given `bind` (access.ts memberReadScope / memberWriteScope). `scopeOf` is
 * what the scopes are a function of (the actor's resolved grants and member id): while those grants live — a
 * session cached for a moment — the statement and its scope values are reused and only the member's id changes.
 */
export async function findMemberDetail(
  db: Db,
  id: string,
  scopes: (bind: Bind) => { read: SQL; write: SQL },
  scopeOf?: { grants: object; memberId: string | null },
) {
  let entry = scopeOf ? detailByGrants.get(scopeOf.grants) : undefined;
  if (!entry || entry.db !== db || entry.memberId !== scopeOf?.memberId) {
    const { params, bind } = placeholders();
    const { read, write } = scopes(bind);
    const statement = statementFor(db, 'member_detail', sql`${read} / ${write}`, (name) =>
      selectMember(db, sql.placeholder('id'), read, write).prepare(name),
    );
    entry = { db, memberId: scopeOf?.memberId ?? null, statement, params };
    if (scopeOf) detailByGrants.set(scopeOf.grants, entry);
  }
  const rows = await entry.statement.execute({ ...entry.params, id });
  return rows[0];
}

export async function findUnitBrief(db: Executor, id: string) {
  const rows = await db
    .select({ id: orgUnits.id, type: orgUnits.type, path: orgUnits.path, status: orgUnits.status })
    .from(orgUnits)
    .where(eq(orgUnits.id, id))
    .limit(1);
  return rows[0];
}

export async function findArea(db: Executor, id: string) {
  const rows = await db.select().from(residentialAreas).where(eq(residentialAreas.id, id)).limit(1);
  return rows[0];
}

export async function findByCardOrCitizenId(
  db: Executor,
  cardNumber: string | undefined,
  citizenId: string | null | undefined,
  exceptId?: string,
) {
  const conds: SQL[] = [];
  if (cardNumber) conds.push(sql`${members.cardNumber} = ${cardNumber}`);
  if (citizenId) conds.push(sql`${members.citizenId} = ${citizenId}`);
  if (conds.length === 0) return [];
  return db
    .select({ id: members.id, cardNumber: members.cardNumber, citizenId: members.citizenId })
    .from(members)
    .where(
      and(sql`(${sql.join(conds, sql` or `)})`, exceptId ? sql`${members.id} <> ${exceptId}` : undefined),
    );
}
