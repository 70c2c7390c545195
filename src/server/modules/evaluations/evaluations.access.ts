import { sql, type SQL } from 'drizzle-orm';
import type { EvaluationSide } from '../../../shared/rules/evaluation';
import { grantsWith, isAdmin, type Actor, type Grant } from '../../http/actor';
import { inSubtree, pathInSubtree } from '../../http/access';

/**
 * Who may see and act on evaluations, as SQL over the alias `e` (deny by default; outside → "not found").
 * Workplace: officers over the committee that asked. Commune: officers over the commune of residence.
 * Cell: the secretary of the cell of residence. Front head: the cell, and only their residential area.
 * Member: their own evaluation (its content only once released — the services decide that).
 */

const FALSE = sql`false`;
const TRUE = sql`true`;

function anyOf(conditions: SQL[]): SQL {
  return conditions.length === 0 ? FALSE : sql`(${sql.join(conditions, sql` or `)})`;
}

const inGrantSubtree = (column: SQL, g: Grant): SQL => inSubtree(column, g.unitPath!);

/** The Front head is granted on the residential cell of their area (one cell per area): only that cell. */
function frontCondition(g: Grant): SQL {
  return sql`e.cell_id = ${g.unitId}`;
}

export function evaluationActScope(actor: Actor, side: EvaluationSide): SQL {
  const admin = isAdmin(actor);
  switch (side) {
    case 'workplace':
      return admin
        ? TRUE
        : anyOf(
            grantsWith(actor, 'committee_officer').map((g) => inGrantSubtree(sql`e.workplace_unit_id`, g)),
          );
    case 'commune':
      return admin
        ? TRUE
        : anyOf(grantsWith(actor, 'committee_officer').map((g) => inGrantSubtree(sql`e.commune_id`, g)));
    // Signing is personal: an administrator does not sign for a cell or a Front committee.
    case 'cell':
      return anyOf(grantsWith(actor, 'cell_secretary').map((g) => inGrantSubtree(sql`e.cell_id`, g)));
    case 'front':
      return anyOf(grantsWith(actor, 'front_head').map(frontCondition));
    case 'member':
      return actor.memberId ? sql`e.member_id = ${actor.memberId}` : FALSE;
  }
}

/** Evaluations the actor may read at all (content visibility is decided per side by the service). */
export function evaluationReadScope(actor: Actor): SQL {
  if (isAdmin(actor)) return TRUE;
  return anyOf([
    evaluationActScope(actor, 'workplace'),
    evaluationActScope(actor, 'commune'),
    evaluationActScope(actor, 'cell'),
    evaluationActScope(actor, 'front'),
    evaluationActScope(actor, 'member'),
  ]);
}

/** The column a side's lists filter by unit. */
export function sideUnitColumn(side: 'workplace' | 'commune' | 'cell' | 'front'): SQL {
  switch (side) {
    case 'workplace':
      return sql`e.workplace_unit_id`;
    case 'commune':
      return sql`e.commune_id`;
    case 'cell':
    case 'front':
      return sql`e.cell_id`;
  }
}

/** Units (their ltree paths) the actor works for on a side, for "my subtree" backlogs. */
export function sideGrants(actor: Actor, side: 'workplace' | 'commune' | 'cell' | 'front'): Grant[] {
  switch (side) {
    case 'workplace':
    case 'commune':
      return grantsWith(actor, 'committee_officer');
    case 'cell':
      return grantsWith(actor, 'cell_secretary');
    case 'front':
      return grantsWith(actor, 'front_head');
  }
}

/** `pathColumn` (an ltree) lies under one of `grants` (an administrator reaches everything). */
export function pathInReach(actor: Actor, grants: Grant[], pathColumn: SQL): SQL {
  if (isAdmin(actor)) return TRUE;
  return anyOf(grants.map((g) => pathInSubtree(pathColumn, g.unitPath!)));
}
