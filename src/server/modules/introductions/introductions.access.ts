import { sql, type SQL } from 'drizzle-orm';
import type { LetterActorSide } from '../../../shared/rules/introduction-letter';
import { grantsWith, isAdmin, type Actor, type Grant } from '../../http/actor';
import { withinGrants } from '../../http/access';

/**
 * Who may see and act on introduction letters, as SQL over the letter alias `l` (deny by default).
 * Workplace: officers over the issuing committee. Commune: officers over the receiving commune.
 * Cell: the secretary of the cell the member was placed in. Member: their own letters.
 */

const FALSE = sql`false`;
const TRUE = sql`true`;

function anyOf(conditions: SQL[]): SQL {
  if (conditions.length === 0) return FALSE;
  return sql`(${sql.join(conditions, sql` or `)})`;
}

/** `unitColumn` lies in the subtree of one of the grants. */
function inSubtrees(unitColumn: SQL, grants: Grant[]): SQL[] {
  return grants.map(
    (g) => sql`${unitColumn} in (select u.id from org_units u where u.path <@ ${g.unitPath}::ltree)`,
  );
}

const SIGNER_POSITIONS = new Set(['secretary', 'deputy_secretary']);

export function signerGrants(actor: Actor): Grant[] {
  return grantsWith(actor, 'committee_officer').filter((g) => g.position && SIGNER_POSITIONS.has(g.position));
}

/** Condition for the letters the actor may act on as `side`. */
export function letterActScope(actor: Actor, side: LetterActorSide): SQL {
  const admin = isAdmin(actor);
  switch (side) {
    case 'workplace':
      return admin ? TRUE : anyOf(inSubtrees(sql`l.issuing_unit_id`, grantsWith(actor, 'committee_officer')));
    // Art. 3.1: signed for the committee by its secretary or deputy; an administrator cannot sign.
    case 'workplace_signer':
      return anyOf(inSubtrees(sql`l.issuing_unit_id`, signerGrants(actor)));
    case 'commune':
      return admin
        ? TRUE
        : anyOf(inSubtrees(sql`l.receiving_commune_id`, grantsWith(actor, 'committee_officer')));
    case 'cell':
      // The cell secretary acknowledges; the commune may acknowledge on behalf of a cell with no account yet.
      return admin
        ? TRUE
        : anyOf([
            ...inSubtrees(sql`l.residence_cell_id`, grantsWith(actor, 'cell_secretary')),
            ...inSubtrees(sql`l.residence_cell_id`, grantsWith(actor, 'committee_officer')),
          ]);
    case 'system':
      return FALSE;
  }
}

/** Letters the actor may read: any side they act on, the Front head's cell, or their own. */
export function letterReadScope(actor: Actor): SQL {
  if (isAdmin(actor)) return TRUE;
  const officers = grantsWith(actor, 'committee_officer');
  const conditions: SQL[] = [
    ...inSubtrees(sql`l.issuing_unit_id`, officers),
    // After a job transfer the new committee takes the member over and reads their letters too.
    ...officers.map(
      (g) =>
        sql`l.member_id in (select m.id from members m join org_units c on c.id = m.cell_id where c.path <@ ${g.unitPath}::ltree)`,
    ),
    ...inSubtrees(sql`l.receiving_commune_id`, officers),
    ...inSubtrees(sql`l.residence_cell_id`, grantsWith(actor, 'cell_secretary', 'front_head')),
  ];
  if (actor.memberId && actor.grants.some((g) => g.role === 'member'))
    conditions.push(sql`l.member_id = ${actor.memberId}`);
  return anyOf(conditions);
}

/** Letters listed for one side of one unit (`side` picks which column the unit filters). */
export function letterSideColumn(side: 'workplace' | 'commune' | 'cell' | 'member'): SQL {
  switch (side) {
    case 'workplace':
      return sql`l.issuing_unit_id`;
    case 'commune':
      return sql`l.receiving_commune_id`;
    case 'cell':
      return sql`l.residence_cell_id`;
    case 'member':
      return sql`l.member_id`;
  }
}

/** Whether the actor reaches a unit (by path) through a grant of one of these roles on it or an ancestor. */
export function reachesPath(actor: Actor, path: string, roles: Grant['role'][]): boolean {
  if (isAdmin(actor)) return true;
  return withinGrants(actor, path, ...roles);
}

/** Members whose letters the actor may sign (secretary/deputy over the member's party cell). */
export function signerMemberScope(actor: Actor): SQL {
  return anyOf(inSubtrees(sql`m.cell_id`, signerGrants(actor)));
}

/** Members the actor may act for as the workplace committee (own working members). */
export function workplaceMemberScope(actor: Actor): SQL {
  if (isAdmin(actor)) return TRUE;
  return anyOf(inSubtrees(sql`m.cell_id`, grantsWith(actor, 'committee_officer')));
}

// ── filters by a unit the caller chose (the access scope goes alongside; see also http/access.ts) ──

/** The ltree `pathColumn` lies in the subtree of the unit `unitId`. */
export function pathUnderUnit(pathColumn: SQL, unitId: string): SQL {
  return sql`${pathColumn} <@ (select path from org_units where id = ${unitId})`;
}

/** Residence notices (alias `n`) the actor may read: from their committees, or delivered to their communes and cells. */
export function noticeScope(actor: Actor, side: 'workplace' | 'residence'): SQL {
  if (isAdmin(actor)) return TRUE;
  const officers = grantsWith(actor, 'committee_officer');
  return anyOf(
    side === 'workplace'
      ? inSubtrees(sql`n.issuing_unit_id`, officers)
      : [
          ...inSubtrees(sql`n.residence_commune_id`, officers),
          ...inSubtrees(sql`n.residence_cell_id`, grantsWith(actor, 'cell_secretary', 'front_head')),
        ],
  );
}

/** "Known here, no letter" requests (alias `r`) of the actor's committees, on the side whose column is given. */
export function requestScope(actor: Actor, sideColumn: SQL): SQL {
  if (isAdmin(actor)) return TRUE;
  return anyOf(inSubtrees(sideColumn, grantsWith(actor, 'committee_officer')));
}

/** The actor's own letters, as a member (none for an account without a member record). */
export function ownLetterScope(actor: Actor): SQL {
  return actor.memberId ? sql`l.member_id = ${actor.memberId}` : FALSE;
}

/** No restriction (the member acting on their own record, already checked). */
export function isTrue(): SQL {
  return TRUE;
}
