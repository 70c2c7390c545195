import { sql, type SQL } from 'drizzle-orm';
import { inSubtree } from '../../http/access';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';

/**
 * Warnings (alias `w`, its member `mb`) the actor may read: the cell committee and the commune above over the
 * cell's, the workplace committee over its members' (it is told on escalation), a member their own.
 */

function anyOf(conditions: SQL[]): SQL {
  return conditions.length ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`;
}

export function warningReadScope(actor: Actor): SQL {
  if (isAdmin(actor)) return sql`true`;
  const conditions = [
    ...grantsWith(actor, 'cell_secretary', 'committee_officer').map((g) =>
      inSubtree(sql`w.cell_id`, g.unitPath!),
    ),
    // the workplace committee over the member's party cell
    ...grantsWith(actor, 'committee_officer').map((g) => inSubtree(sql`mb.cell_id`, g.unitPath!)),
  ];
  if (actor.memberId) conditions.push(sql`w.member_id = ${actor.memberId}`);
  return anyOf(conditions);
}
