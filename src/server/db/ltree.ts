/** ltree labels are the unit id without dashes: the path of a unit is its ancestors' labels and its own. */
export function unitLabel(id: string): string {
  return id.replace(/-/g, '');
}

export function childPath(parentPath: string | null, id: string): string {
  return parentPath ? `${parentPath}.${unitLabel(id)}` : unitLabel(id);
}
