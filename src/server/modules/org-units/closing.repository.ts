import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { members, orgUnits, residentialAreas, roleGrants } from '../../db/schema';
import { isActiveMember, isActiveUnit } from './org-units.repository';

/** Queries of closing a unit: what blocks a dissolution, and the set-based steps of a merge. */

export async function countActiveChildUnits(db: Executor, unitId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, unitId), isActiveUnit()));
  return row!.n;
}

/** Active members attached to the unit: party cell, residence cell or residence commune. */
export async function countActiveMembers(db: Executor, unitId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .where(
      and(
        isActiveMember(),
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
    from org_units where parent_id = ${source.id}::uuid and ${isActiveUnit(sql`status`)}`);
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
    .where(and(eq(orgUnits.parentId, source.id), isActiveUnit()));
  if (children.length === 0) return 0;
  await tx.execute(sql`update org_units d
    set path = ${target.path}::ltree || subpath(d.path, nlevel(${source.path}::ltree)),
        depth = d.depth + ${target.depth - source.depth}::int,
        parent_id = case when d.id = c.id then ${target.id}::uuid else d.parent_id end,
        updated_at = now()
    from org_units c
    where c.parent_id = ${source.id}::uuid and ${isActiveUnit(sql`c.status`)} and d.path <@ c.path`);
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
