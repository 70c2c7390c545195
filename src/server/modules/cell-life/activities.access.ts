import { sql, type SQL } from 'drizzle-orm';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';
import { inSubtree } from '../../http/access';

/** Who runs and who reads a unit's campaigns and movements (Art. 2.4–2.6). */

function anyOf(conditions: SQL[]): SQL {
  return conditions.length ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`;
}

/** Units (column) the actor runs: cell secretaries their cells, committee officers their subtree. */
export function manageScope(actor: Actor, unitColumn: SQL): SQL {
  if (isAdmin(actor)) return sql`true`;
  return anyOf(
    grantsWith(actor, 'cell_secretary', 'committee_officer').map((g) => inSubtree(unitColumn, g.unitPath!)),
  );
}

/** Activities (alias `ac`) readable: managed units, the Front head's cell, a member's residence cell and its commune. */
export function activityReadScope(actor: Actor): SQL {
  if (isAdmin(actor)) return sql`true`;
  const conditions = grantsWith(actor, 'cell_secretary', 'committee_officer', 'front_head').map(
    (g) => sql`(${inSubtree(sql`ac.unit_id`, g.unitPath!)}
      or ac.unit_id in (select p.id from org_units p where p.path @> ${g.unitPath}::ltree and p.type in ('commune_committee', 'district_committee')))`,
  );
  if (actor.memberId)
    conditions.push(
      sql`ac.unit_id in (select x from members mm, unnest(array[mm.residence_cell_id, mm.residence_commune_id]) x where mm.id = ${actor.memberId})`,
    );
  return anyOf(conditions);
}
