import { sql, type SQL } from 'drizzle-orm';
import { inSubtree } from '../../http/access';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';

/**
 * Who may run a cell's life and who may read it. The cell secretary (or cell committee member) runs the
 * meetings of their cell; the commune committee over it reads everything and may step in; the Front head
 * reads their area's meetings; an invited member reads the meetings they are invited to.
 */

function anyOf(conditions: SQL[]): SQL {
  return conditions.length ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`;
}

/** Cells (by `cellIdColumn`) the actor manages. */
export function cellManageScope(actor: Actor, cellIdColumn: SQL): SQL {
  if (isAdmin(actor)) return sql`true`;
  return anyOf(
    grantsWith(actor, 'cell_secretary', 'committee_officer').map((g) => inSubtree(cellIdColumn, g.unitPath!)),
  );
}

/** Meetings (alias `mt`) the actor may read. */
export function meetingReadScope(actor: Actor): SQL {
  if (isAdmin(actor)) return sql`true`;
  const conditions = grantsWith(actor, 'cell_secretary', 'committee_officer', 'front_head').map((g) =>
    inSubtree(sql`mt.cell_id`, g.unitPath!),
  );
  if (actor.memberId)
    conditions.push(
      sql`exists (select 1 from meeting_attendances a where a.meeting_id = mt.id and a.member_id = ${actor.memberId})`,
    );
  return anyOf(conditions);
}
