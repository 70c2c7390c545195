import { sql, type SQL } from 'drizzle-orm';

/** ltree labels are the unit id without dashes: the path of a unit is its ancestors' labels and its own. */
export function unitLabel(id: string): string {
  return id.replace(/-/g, '');
}

export function childPath(parentPath: string | null, id: string): string {
  return parentPath ? `${parentPath}.${unitLabel(id)}` : unitLabel(id);
}

/** The grassroots committee a member's party cell belongs to: its nearest non-cell ancestor. */
export function committeeOfCell(cellAlias: SQL): SQL {
  return sql`(select a.id from org_units a where a.path @> ${cellAlias}.path and a.id <> ${cellAlias}.id
    and a.type not in ('residential_cell', 'workplace_cell') order by a.depth desc limit 1)`;
}
