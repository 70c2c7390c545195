import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { members, orgUnits, residentialAreas, roleGrants, unitEvents, users } from '../../db/schema';

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

export function listUnits(db: Executor, where: SQL[], limit?: number) {
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
    .where(and(inArray(orgUnits.parentId, parentIds), eq(orgUnits.status, 'active')))
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
  const subtree = sql`(select s.id from org_units s where s.path <@ ${unit.path}::ltree)`;
  const working = sql`m.status = 'active' and c.type = 'workplace_cell'`;
  const areaMatch =
    unit.type === 'residential_cell' && unit.residentialAreaId
      ? sql` or m.residence_area_id = ${unit.residentialAreaId}`
      : sql``;
  const [row] = await db
    .select({
      childUnits: sql<number>`(select count(*)::int from org_units k where k.parent_id = ${unit.id} and k.status = 'active')`,
      members: sql<number>`(select count(*)::int from members m join org_units c on c.id = m.cell_id
        where m.status = 'active' and c.path <@ ${unit.path}::ltree)`,
      workingMembers: sql<number>`(select count(*)::int from members m join org_units c on c.id = m.cell_id
        where ${working} and c.path <@ ${unit.path}::ltree)`,
      residentWorkingMembers: sql<number>`(select count(*)::int from members m join org_units c on c.id = m.cell_id
        where ${working} and (m.residence_commune_id in ${subtree} or m.residence_cell_id in ${subtree}${areaMatch}))`,
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
    .where(and(eq(orgUnits.residentialAreaId, areaId), eq(orgUnits.status, 'active')))
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
    where path <@ ${unit.path}::ltree`);
}

export async function repointAreasOfCell(tx: Executor, areaId: string, communeUnitId: string) {
  await tx.update(residentialAreas).set({ communeUnitId }).where(eq(residentialAreas.id, areaId));
}

export async function countActiveChildUnits(db: Executor, unitId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, unitId), eq(orgUnits.status, 'active')));
  return row!.n;
}

/** Active members attached to the unit: party cell, residence cell or residence commune. */
export async function countActiveMembers(db: Executor, unitId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .where(
      and(
        eq(members.status, 'active'),
        or(
          eq(members.cellId, unitId),
          eq(members.residenceCellId, unitId),
          eq(members.residenceCommuneId, unitId),
        ),
      ),
    );
  return row!.n;
}

/** Revoke the active grants on a unit that closes; returns the users to tell. */
export async function revokeUnitGrants(tx: Executor, unitId: string, at: Date): Promise<string[]> {
  const rows = await tx
    .update(roleGrants)
    .set({ revokedAt: at })
    .where(and(eq(roleGrants.unitId, unitId), isNull(roleGrants.revokedAt)))
    .returning({ userId: roleGrants.userId });
  return [...new Set(rows.map((r) => r.userId))];
}

// ---- merge: every step is set-based ----

/** History rows for the active children that follow a merged source to its target. */
export async function recordChildrenMoved(
  tx: Executor,
  source: { id: string; name: string },
  target: { id: string; name: string },
  effectiveDate: string,
  actorUserId: string,
) {
  await tx.execute(sql`insert into unit_events (unit_id, kind, effective_date, from_value, to_value, related_unit_id, actor_user_id)
    select id, 'moved', ${effectiveDate}::date, ${source.name}, ${target.name}, ${target.id}::uuid, ${actorUserId}::uuid
    from org_units where parent_id = ${source.id}::uuid and status = 'active'`);
}

/** Move the active children of `source` (with their subtrees) under `target`. Returns how many children moved. */
export async function moveActiveChildren(
  tx: Executor,
  source: { id: string; path: string; depth: number },
  target: { id: string; path: string; depth: number },
): Promise<number> {
  const children = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, source.id), eq(orgUnits.status, 'active')));
  if (children.length === 0) return 0;
  await tx.execute(sql`update org_units d
    set path = ${target.path}::ltree || subpath(d.path, nlevel(${source.path}::ltree)),
        depth = d.depth + ${target.depth - source.depth}::int,
        parent_id = case when d.id = c.id then ${target.id}::uuid else d.parent_id end,
        updated_at = now()
    from org_units c
    where c.parent_id = ${source.id}::uuid and c.status = 'active' and d.path <@ c.path`);
  return children.length;
}

/** Members attached to `source` (party cell, residence commune or residence cell) now belong to `target`. */
export async function repointMembers(tx: Executor, sourceId: string, targetId: string): Promise<number> {
  const swap = (
    column: typeof members.cellId | typeof members.residenceCommuneId | typeof members.residenceCellId,
  ) => sql`case when ${column} = ${sourceId}::uuid then ${targetId}::uuid else ${column} end`;
  const rows = await tx
    .update(members)
    .set({
      cellId: swap(members.cellId),
      residenceCommuneId: swap(members.residenceCommuneId),
      residenceCellId: swap(members.residenceCellId),
      updatedAt: sql`now()`,
    })
    .where(
      or(
        eq(members.cellId, sourceId),
        eq(members.residenceCommuneId, sourceId),
        eq(members.residenceCellId, sourceId),
      ),
    )
    .returning({ id: members.id });
  return rows.length;
}

/** Close the open memberships on `source` at the effective date and open the same ones on `target`. */
export async function transferMemberships(
  tx: Executor,
  sourceId: string,
  targetId: string,
  effectiveDate: string,
  note: string,
): Promise<void> {
  await tx.execute(sql`with closed as (
      update unit_memberships set valid_to = ${effectiveDate}::date
      where unit_id = ${sourceId}::uuid and valid_to is null
      returning member_id, kind, role)
    insert into unit_memberships (member_id, unit_id, kind, role, valid_from, note)
    select member_id, ${targetId}::uuid, kind, role, ${effectiveDate}::date, ${note} from closed`);
}

export async function repointAreas(tx: Executor, sourceId: string, targetId: string) {
  await tx
    .update(residentialAreas)
    .set({ communeUnitId: targetId })
    .where(eq(residentialAreas.communeUnitId, sourceId));
}

export function listAreas(db: Executor, where: SQL[]) {
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
