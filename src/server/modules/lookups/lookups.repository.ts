import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { orgUnits, residentialAreas } from '../../db/schema';

const parent = alias(orgUnits, 'parent');

/** Units for pickers, with the parent's name to tell namesakes apart. */
export function findUnitsForPicker(db: Executor, where: SQL[], limit: number) {
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
