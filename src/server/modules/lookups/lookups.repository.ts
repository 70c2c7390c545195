import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { UnitType } from '../../../shared/contracts/org-units';
import type { Executor } from '../../db/client';
import { orgUnits, residentialAreas } from '../../db/schema';
import { isValue } from '../../db/sql-values';
import { activeUnitStatus } from '../org-units/org-units.rules';

const parent = alias(orgUnits, 'parent');

/** How far a picker reaches: any unit (no scope), the actor's scope, or the scope and every unit of some types. */
export interface PickerReach {
  scope: SQL | null;
  orTypes?: readonly UnitType[];
}

/** Active units for pickers, with the parent's name to tell namesakes apart. */
export function findUnitsForPicker(
  db: Executor,
  filter: { type?: UnitType; q?: string; reach: PickerReach },
  limit: number,
) {
  const where: SQL[] = [isValue(sql`${orgUnits.status}`, activeUnitStatus)];
  if (filter.type) where.push(eq(orgUnits.type, filter.type));
  if (filter.q) where.push(nameMatches(filter.q));
  const { scope, orTypes } = filter.reach;
  if (scope) where.push(orTypes ? or(inArray(orgUnits.type, [...orTypes]), scope)! : scope);
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, type: orgUnits.type, parentName: parent.name })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(and(...where))
    .orderBy(asc(orgUnits.name), asc(orgUnits.id))
    .limit(limit);
}

export function nameMatches(q: string): SQL {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${orgUnits.searchName} like '%' || lower(immutable_unaccent(${escaped})) || '%'`;
}

export function findAreasOfCommune(db: Executor, communeUnitId: string) {
  return db
    .select()
    .from(residentialAreas)
    .where(eq(residentialAreas.communeUnitId, communeUnitId))
    .orderBy(asc(residentialAreas.name));
}
