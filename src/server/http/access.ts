import { sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';
import { members, orgUnits } from '../db/schema';
import type { Role } from '../../shared/contracts/auth';
import { grantsWith, isAdmin, type Actor } from './actor';

/**
 * Access scopes as SQL conditions. Deny by default: no matching grant → `false`.
 * Roles are granted on a unit and reach its subtree (`path <@ grant path`, GiST-indexed).
 * Callers answer "not found" for rows outside the scope, never "forbidden", so existence does not leak.
 */

const FALSE = sql`false`;
const TRUE = sql`true`;

function anyOf(conditions: SQL[]): SQL {
  if (conditions.length === 0) return FALSE;
  if (conditions.length === 1) return conditions[0]!;
  return sql`(${sql.join(conditions, sql` or `)})`;
}

/**
 * `column` names a unit in the subtree at `path`. Written as `= any(array(…))`, not `in (select …)`: the
 * subtree is read once (GiST on path) and several of these ORed stay one bitmap scan over the columns'
 * indexes, where ORed `in (subquery)` conditions make PostgreSQL scan the whole table.
 */
export function inSubtree(column: SQL | AnyColumn, path: string | Placeholder): SQL {
  return sql`${column} = any(array(select u.id from org_units u where u.path <@ ${path}::ltree))`;
}

/**
 * How a member scope carries the actor's values: as inline parameters (the default), or as the placeholders of a
 * prepared statement (`bind` names one per value), so one statement serves every actor with the same grants'
 * shape (members.repository.ts findMemberDetail, decision 0015).
 */
export type Bind = (value: string) => string | Placeholder;
const inline: Bind = (value) => value;

/** Members the actor may read. */
export function memberReadScope(actor: Actor, bind: Bind = inline): SQL {
  if (isAdmin(actor)) return TRUE;
  const conditions: SQL[] = [];
  for (const g of grantsWith(actor, 'committee_officer')) {
    // Own members (party cell in the subtree) and working members living in the subtree (Art. 4.1).
    const path = bind(g.unitPath!);
    conditions.push(inSubtree(members.cellId, path));
    conditions.push(inSubtree(members.residenceCommuneId, path));
    conditions.push(inSubtree(members.residenceCellId, path));
  }
  for (const g of grantsWith(actor, 'cell_secretary')) {
    conditions.push(inSubtree(members.cellId, bind(g.unitPath!)));
    conditions.push(sql`${members.residenceCellId} = ${bind(g.unitId!)}`);
    if (g.residentialAreaId) conditions.push(sql`${members.residenceAreaId} = ${bind(g.residentialAreaId)}`);
  }
  for (const g of grantsWith(actor, 'front_head')) {
    // The Front head sees the working members of their residential area only.
    conditions.push(sql`${members.residenceCellId} = ${bind(g.unitId!)}`);
    if (g.residentialAreaId) conditions.push(sql`${members.residenceAreaId} = ${bind(g.residentialAreaId)}`);
  }
  if (actor.memberId && actor.grants.some((g) => g.role === 'member')) {
    conditions.push(sql`${members.id} = ${bind(actor.memberId)}`);
  }
  return anyOf(conditions);
}

/** Members the actor may edit: committee officers over members whose party cell is in their subtree. */
export function memberWriteScope(actor: Actor, bind: Bind = inline): SQL {
  if (isAdmin(actor)) return TRUE;
  return anyOf(grantsWith(actor, 'committee_officer').map((g) => inSubtree(members.cellId, bind(g.unitPath!))));
}

/** Whether a unit path lies in the subtree of another (itself included): the in-memory twin of `pathInSubtree`. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}.`);
}

/** Whether the path lies in the subtree of one of the actor's grants with these roles (any role when none given). */
export function withinGrants(actor: Actor, path: string, ...roles: Role[]): boolean {
  const grants = roles.length > 0 ? grantsWith(actor, ...roles) : actor.grants;
  return grants.some((g) => !!g.unitPath && isWithin(path, g.unitPath));
}

/** Whether a unit (by path) lies in a subtree where the actor is a committee officer (or admin). */
export function canAdministerPath(actor: Actor, path: string, opts: { strict?: boolean } = {}): boolean {
  if (isAdmin(actor)) return true;
  return grantsWith(actor, 'committee_officer').some((g) => {
    const p = g.unitPath!;
    if (path === p) return !opts.strict;
    return isWithin(path, p);
  });
}

/** Units the actor may see: the subtrees of their grants and the ancestors of those (for breadcrumbs). */
export function unitReadScope(actor: Actor): SQL {
  if (isAdmin(actor)) return TRUE;
  const conditions: SQL[] = [];
  for (const g of actor.grants) {
    if (g.unitPath) {
      conditions.push(sql`${orgUnits.path} <@ ${g.unitPath}::ltree`);
      conditions.push(sql`${orgUnits.path} @> ${g.unitPath}::ltree`);
    }
  }
  if (actor.memberId && actor.grants.some((g) => g.role === 'member')) {
    // A member sees their own cell and residence cell with their ancestors.
    conditions.push(sql`${orgUnits.path} @> (select cu.path from members m join org_units cu on cu.id = m.cell_id where m.id = ${actor.memberId})`);
    conditions.push(sql`${orgUnits.path} @> (select ru.path from members m join org_units ru on ru.id = m.residence_cell_id where m.id = ${actor.memberId})`);
  }
  return anyOf(conditions);
}

/** Unit ids whose audit log the actor may read: officers and cell secretaries over their subtree. */
export function auditUnitScope(actor: Actor, unitIdColumn: SQL): SQL {
  if (isAdmin(actor)) return TRUE;
  return anyOf(grantsWith(actor, 'committee_officer', 'cell_secretary').map((g) => inSubtree(unitIdColumn, g.unitPath!)));
}

/**
 * Dashboards and yearly reports (Art. 5): committee officers read the figures of their subtree, administrators
 * of the whole country (null). Everything outside is "not found".
 */
export function reportReach(actor: Actor): string[] | null {
  if (isAdmin(actor)) return null;
  return grantsWith(actor, 'committee_officer').map((g) => g.unitPath!);
}

export function reachesReportPath(actor: Actor, path: string): boolean {
  const reach = reportReach(actor);
  return reach === null || reach.some((p) => isWithin(path, p));
}

/** SQL: the unit path (an ltree column) lies in the actor's report reach. */
export function reportPathScope(actor: Actor, pathColumn: SQL): SQL {
  const reach = reportReach(actor);
  if (reach === null) return TRUE;
  return anyOf(reach.map((p) => sql`${pathColumn} <@ ${p}::ltree`));
}

/** SQL: the ltree `pathColumn` lies in the subtree at `path`, its root included (GiST on org_units.path). */
export function pathInSubtree(pathColumn: SQL | AnyColumn, path: string): SQL {
  return sql`${pathColumn} <@ ${path}::ltree`;
}

/** `column` names a unit in the subtree of the unit `unitId`, that unit included (no such unit: none). */
export function inSubtreeOfUnit(column: SQL | AnyColumn, unitId: string): SQL {
  return sql`${column} = any(array(select u.id from org_units u where u.path <@ (select p.path from org_units p where p.id = ${unitId})))`;
}
