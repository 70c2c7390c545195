import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { UnitType } from '../../../shared/contracts/org-units';
import type { Executor } from '../../db/client';
import { members, orgUnits, residentialAreas, roleGrants, unitEvents, users } from '../../db/schema';
import { isValue } from '../../db/sql-values';
import { inSubtree, pathInSubtree } from '../../http/access';
import { activeMemberStatus, activeUnitStatus } from './org-units.rules';

export type UnitEventInsert = typeof unitEvents.$inferInsert;
export type UnitInsert = typeof orgUnits.$inferInsert;
export type AreaInsert = typeof residentialAreas.$inferInsert;

const unitView = {
  id: orgUnits.id,
  parentId: orgUnits.parentId,
  path: orgUnits.path,
  code: orgUnits.code,
  name: orgUnits.name,
  type: orgUnits.type,
  sector: orgUnits.sector,
  status: orgUnits.status,
  depth: orgUnits.depth,
  residentialAreaId: orgUnits.residentialAreaId,
  residentialAreaName: residentialAreas.name,
  address: orgUnits.address,
  phone: orgUnits.phone,
  email: orgUnits.email,
  meetingPlace: orgUnits.meetingPlace,
  validFrom: orgUnits.validFrom,
  validTo: orgUnits.validTo,
  mergedIntoId: orgUnits.mergedIntoId,
};
export type UnitView = Awaited<ReturnType<typeof findUnit>> & {};

function selectUnits(db: Executor) {
  return db
    .select(unitView)
    .from(orgUnits)
    .leftJoin(residentialAreas, eq(residentialAreas.id, orgUnits.residentialAreaId));
}

/** `%text%` for LIKE on search_name, with the user's wildcards escaped and diacritics removed in SQL. */
export function searchPattern(q: string): SQL {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`'%' || lower(immutable_unaccent(${escaped})) || '%'`;
}

/** A unit's name contains `q`, without diacritics or case (pickers and the tree's search). */
export function unitNameMatches(q: string): SQL {
  return sql`${orgUnits.searchName} like ${searchPattern(q)}`;
}

/** `status = 'active'` on a unit column (org_units.status by default). */
export function isActiveUnit(column: SQL = sql`${orgUnits.status}`): SQL {
  return isValue(column, activeUnitStatus);
}

export function isActiveMember(column: SQL = sql`${members.status}`): SQL {
  return isValue(column, activeMemberStatus);
}

/** The top-most units an actor reaches: roots (admins), the units of their top grants, a member's own cells. */
export interface TopUnits {
  roots: boolean;
  unitIds: string[];
  memberId: string | null;
}

function topUnitsCondition(top: TopUnits): SQL {
  if (top.roots) return isNull(orgUnits.parentId);
  const conditions: SQL[] = [];
  if (top.unitIds.length) conditions.push(sql`${orgUnits.id} in ${top.unitIds}`);
  if (top.memberId) {
    conditions.push(sql`${orgUnits.id} in (select m.cell_id from members m where m.id = ${top.memberId})`);
    conditions.push(
      sql`${orgUnits.id} in (select m.residence_cell_id from members m where m.id = ${top.memberId})`,
    );
  }
  return conditions.length ? or(...conditions)! : sql`false`;
}

export interface UnitListFilter {
  scope: SQL;
  includeInactive?: boolean;
  type?: UnitType;
  /** a name search (within a unit's subtree, the unit itself left out), a unit's children, or the top units */
  placement:
    | { kind: 'search'; q: string; within?: { id: string; path: string } }
    | { kind: 'children'; parentId: string }
    | { kind: 'top'; top: TopUnits };
}

export function listUnits(db: Executor, filter: UnitListFilter, limit?: number) {
  const where: SQL[] = [filter.scope];
  if (!filter.includeInactive) where.push(isActiveUnit());
  if (filter.type) where.push(eq(orgUnits.type, filter.type));
  const { placement } = filter;
  if (placement.kind === 'search') {
    where.push(unitNameMatches(placement.q));
    if (placement.within)
      where.push(
        pathInSubtree(orgUnits.path, placement.within.path),
        sql`${orgUnits.id} <> ${placement.within.id}`,
      );
  } else if (placement.kind === 'children') {
    where.push(eq(orgUnits.parentId, placement.parentId));
  } else {
    where.push(topUnitsCondition(placement.top));
  }
  const query = selectUnits(db)
    .where(and(...where))
    .orderBy(asc(orgUnits.type), asc(orgUnits.name), asc(orgUnits.id));
  return limit ? query.limit(limit) : query;
}

/** Active children per unit, in one grouped query. */
export async function countActiveChildren(db: Executor, parentIds: string[]): Promise<Map<string, number>> {
  if (parentIds.length === 0) return new Map();
  const rows = await db
    .select({ parentId: orgUnits.parentId, n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(and(inArray(orgUnits.parentId, parentIds), isActiveUnit()))
    .groupBy(orgUnits.parentId);
  return new Map(rows.map((r) => [r.parentId!, r.n]));
}

export async function findUnit(db: Executor, id: string, scope?: SQL) {
  const rows = await selectUnits(db)
    .where(scope ? and(eq(orgUnits.id, id), scope) : eq(orgUnits.id, id))
    .limit(1);
  return rows[0];
}

export function findUnits(db: Executor, ids: string[], scope?: SQL) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectUnits(db).where(scope ? and(inArray(orgUnits.id, ids), scope) : inArray(orgUnits.id, ids));
}

/** Lock rows that a structural change rewrites, so two concurrent moves cannot interleave. */
export async function lockUnits(tx: Executor, ids: string[]) {
  if (ids.length === 0) return;
  await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids))
    .orderBy(orgUnits.id)
    .for('update');
}

export function findAncestors(db: Executor, path: string, id: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, type: orgUnits.type })
    .from(orgUnits)
    .where(and(sql`${orgUnits.path} @> ${path}::ltree`, ne(orgUnits.id, id)))
    .orderBy(asc(orgUnits.depth));
}

/** Head counts for a unit's detail page; one round trip of scalar subqueries. */
export async function unitCounts(
  db: Executor,
  unit: { id: string; path: string; type: string; residentialAreaId: string | null },
) {
  const working = sql`${isActiveMember(sql`m.status`)} and c.type = 'workplace_cell'`;
  const areaMatch =
    unit.type === 'residential_cell' && unit.residentialAreaId
      ? sql` or m.residence_area_id = ${unit.residentialAreaId}`
      : sql``;
  const [row] = await db
    .select({
      childUnits: sql<number>`(select count(*)::int from org_units k where k.parent_id = ${unit.id} and ${isActiveUnit(sql`k.status`)})`,
      members: sql<number>`(select count(*)::int from members m join org_units c on c.id = m.cell_id
        where ${isActiveMember(sql`m.status`)} and ${pathInSubtree(sql`c.path`, unit.path)})`,
      workingMembers: sql<number>`(select count(*)::int from members m join org_units c on c.id = m.cell_id
        where ${working} and ${pathInSubtree(sql`c.path`, unit.path)})`,
      residentWorkingMembers: sql<number>`(select count(*)::int from members m join org_units c on c.id = m.cell_id
        where ${working} and (${inSubtree(sql`m.residence_commune_id`, unit.path)} or ${inSubtree(sql`m.residence_cell_id`, unit.path)}${areaMatch}))`,
    })
    .from(orgUnits)
    .where(eq(orgUnits.id, unit.id));
  return row!;
}

export function unitOfficers(db: Executor, unitId: string) {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      role: roleGrants.role,
      position: roleGrants.position,
      phone: users.phone,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.unitId, unitId),
        isNull(roleGrants.revokedAt),
        eq(users.isActive, true),
        inArray(roleGrants.role, ['committee_officer', 'cell_secretary', 'front_head']),
      ),
    )
    .orderBy(asc(roleGrants.role), asc(users.displayName));
}

export function unitHistory(db: Executor, unitId: string) {
  return db
    .select({
      kind: unitEvents.kind,
      effectiveDate: unitEvents.effectiveDate,
      fromValue: unitEvents.fromValue,
      toValue: unitEvents.toValue,
      note: unitEvents.note,
    })
    .from(unitEvents)
    .where(eq(unitEvents.unitId, unitId))
    .orderBy(desc(unitEvents.effectiveDate), desc(unitEvents.createdAt));
}

export async function codeExists(db: Executor, code: string): Promise<boolean> {
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(sql`lower(${orgUnits.code}) = lower(${code})`)
    .limit(1);
  return rows.length > 0;
}

export async function insertUnit(tx: Executor, values: UnitInsert & { id: string; path: string }) {
  await tx.insert(orgUnits).values(values);
}

export async function updateUnit(tx: Executor, id: string, set: Partial<UnitInsert>) {
  await tx.update(orgUnits).set(set).where(eq(orgUnits.id, id));
}

export async function insertEvents(tx: Executor, events: UnitEventInsert[]) {
  if (events.length) await tx.insert(unitEvents).values(events);
}

export function findArea(db: Executor, id: string) {
  return db.query.residentialAreas.findFirst({ where: eq(residentialAreas.id, id) });
}

export async function insertArea(tx: Executor, values: AreaInsert) {
  const [row] = await tx.insert(residentialAreas).values(values).returning();
  return row!;
}

/** An active residential cell already serving this area. */
export async function areaCell(db: Executor, areaId: string) {
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.residentialAreaId, areaId), isActiveUnit()))
    .limit(1);
  return rows[0];
}

/** Rewrite the paths of a whole subtree in one statement (the unit itself included) and re-parent its root. */
export async function moveSubtree(
  tx: Executor,
  unit: { id: string; path: string; depth: number },
  newParent: { id: string; path: string; depth: number },
) {
  await tx.execute(sql`update org_units
    set path = ${newParent.path}::ltree || subpath(path, nlevel(${unit.path}::ltree) - 1),
        depth = depth + ${newParent.depth + 1 - unit.depth}::int,
        parent_id = case when id = ${unit.id}::uuid then ${newParent.id}::uuid else parent_id end,
        updated_at = now()
    where ${pathInSubtree(sql`path`, unit.path)}`);
}

export async function repointAreasOfCell(tx: Executor, areaId: string, communeUnitId: string) {
  await tx.update(residentialAreas).set({ communeUnitId }).where(eq(residentialAreas.id, areaId));
}

/** Residential areas of the communes in `scope`, or of one commune. */
export function listAreas(db: Executor, scope: SQL, communeUnitId?: string) {
  const where: SQL[] = [scope];
  if (communeUnitId) where.push(eq(orgUnits.id, communeUnitId));
  return db
    .select({
      id: residentialAreas.id,
      communeUnitId: residentialAreas.communeUnitId,
      name: residentialAreas.name,
      kind: residentialAreas.kind,
      frontHeadName: residentialAreas.frontHeadName,
      frontHeadPhone: residentialAreas.frontHeadPhone,
    })
    .from(residentialAreas)
    .innerJoin(orgUnits, eq(orgUnits.id, residentialAreas.communeUnitId))
    .where(and(...where))
    .orderBy(asc(residentialAreas.name))
    .limit(1000);
}
