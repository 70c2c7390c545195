import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { childPath } from '../ltree';
import { orgUnits, residentialAreas } from '../schema';
import { next } from './sequence';

/** Org units and residential areas: typed overrides, sensible Vietnamese defaults, unique codes. */

type UnitRow = typeof orgUnits.$inferSelect;
type UnitInsert = typeof orgUnits.$inferInsert;

export async function newUnit(
  db: Executor,
  overrides: Partial<Omit<UnitInsert, 'path' | 'depth'>> & { parent?: UnitRow | null } = {},
): Promise<UnitRow> {
  const { parent, ...rest } = overrides;
  const id = rest.id ?? randomUUID();
  const n = next();
  const [row] = await db
    .insert(orgUnits)
    .values({
      code: `U${n}`,
      name: `Đơn vị ${n}`,
      type: 'commune_committee',
      ...rest,
      id,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
      depth: parent ? parent.depth + 1 : 0,
    })
    .returning();
  return row!;
}

export async function newArea(
  db: Executor,
  commune: UnitRow,
  overrides: Partial<typeof residentialAreas.$inferInsert> = {},
) {
  const [row] = await db
    .insert(residentialAreas)
    .values({ communeUnitId: commune.id, name: `Khối ${next()}`, kind: 'block', ...overrides })
    .returning();
  return row!;
}

/** A small province: province → commune (with an area and its residential cell) and a workplace committee with a cell. */
export async function newProvinceTree(db: Executor, label = 'A') {
  const province = await newUnit(db, { type: 'province_committee', name: `Đảng bộ tỉnh ${label}` });
  const commune = await newUnit(db, {
    parent: province,
    type: 'commune_committee',
    name: `Đảng bộ phường ${label}`,
  });
  const area = await newArea(db, commune, { name: `Khối ${label}1` });
  const residentialCell = await newUnit(db, {
    parent: commune,
    type: 'residential_cell',
    name: `Chi bộ khối ${label}1`,
    residentialAreaId: area.id,
  });
  const workplace = await newUnit(db, {
    parent: province,
    type: 'workplace_committee',
    sector: 'enterprise',
    name: `Đảng bộ Công ty ${label}`,
  });
  const workplaceCell = await newUnit(db, {
    parent: workplace,
    type: 'workplace_cell',
    name: `Chi bộ Phòng ${label}`,
  });
  return { province, commune, area, residentialCell, workplace, workplaceCell };
}

export async function findUnit(db: Executor, id: string) {
  return db.query.orgUnits.findFirst({ where: eq(orgUnits.id, id) });
}
