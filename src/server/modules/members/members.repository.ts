import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { members, orgUnits, residentialAreas, unitMemberships } from '../../db/schema';
import { livesAwaySql, searchCondition, type Cursor, type SearchMode, type SearchScope } from '../../db/member-sql';
import type { MemberListQuery } from '../../../shared/contracts/members';

// Search and paging helpers live in db/member-sql.ts (shared by every module that lists members).
export { canSearchFuzzy, decodeCursor, encodeCursor, searchCondition, type Cursor, type SearchMode } from '../../db/member-sql';

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
    where.push(sql`${members.cellId} = any(array(select u.id from org_units u where u.path <@ (select p.path from org_units p where p.id = ${query.unitId})))`);
  if (query.residenceCommuneId) where.push(eq(members.residenceCommuneId, query.residenceCommuneId));
  if (query.category) where.push(eq(members.category, query.category));
  if (query.status) where.push(eq(members.status, query.status));
  if (query.workingOnly) where.push(sql`${cell.type} = 'workplace_cell'`);
  return where;
}

/** One keyset page in Vietnamese name order (index members_sort). */
export async function listMembers(db: Executor, where: SQL[], cursor: Cursor | null, limit: number) {
  const conditions = [...where];
  if (cursor) conditions.push(sql`(${members.sortKey} collate "C", ${members.id}) > (${cursor.k} collate "C", ${cursor.id}::uuid)`);
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

export async function findMember(db: Executor, id: string, scope: SQL) {
  const rows = await db
    .select({
      ...listColumns,
      member: members,
      residenceCellName: resCell.name,
      workplaceCommitteeName: workplace.name,
    })
    .from(members)
    .innerJoin(cell, eq(cell.id, members.cellId))
    .leftJoin(workplace, sql`${workplace.id} = ${cell.parentId} and ${cell.type} = 'workplace_cell'`)
    .leftJoin(commune, eq(commune.id, members.residenceCommuneId))
    .leftJoin(residentialAreas, eq(residentialAreas.id, members.residenceAreaId))
    .leftJoin(resCell, eq(resCell.id, members.residenceCellId))
    .where(and(eq(members.id, id), scope))
    .limit(1);
  return rows[0];
}

export async function isInScope(db: Executor, id: string, scope: SQL): Promise<boolean> {
  const rows = await db.select({ id: members.id }).from(members).where(and(eq(members.id, id), scope)).limit(1);
  return rows.length > 0;
}

export function listMemberships(db: Executor, memberId: string) {
  return db
    .select({
      id: unitMemberships.id,
      unitId: unitMemberships.unitId,
      unitName: orgUnits.name,
      kind: unitMemberships.kind,
      role: unitMemberships.role,
      validFrom: unitMemberships.validFrom,
      validTo: unitMemberships.validTo,
    })
    .from(unitMemberships)
    .innerJoin(orgUnits, eq(orgUnits.id, unitMemberships.unitId))
    .where(eq(unitMemberships.memberId, memberId))
    .orderBy(sql`${unitMemberships.validFrom} desc`, unitMemberships.kind);
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

export async function findByCardOrCitizenId(db: Executor, cardNumber: string | undefined, citizenId: string | null | undefined, exceptId?: string) {
  const conds: SQL[] = [];
  if (cardNumber) conds.push(sql`${members.cardNumber} = ${cardNumber}`);
  if (citizenId) conds.push(sql`${members.citizenId} = ${citizenId}`);
  if (conds.length === 0) return [];
  return db
    .select({ id: members.id, cardNumber: members.cardNumber, citizenId: members.citizenId })
    .from(members)
    .where(and(sql`(${sql.join(conds, sql` or `)})`, exceptId ? sql`${members.id} <> ${exceptId}` : undefined));
}
