import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ltree } from './types';

export const unitTypeEnum = pgEnum('unit_type', [
  'province_committee',
  'bloc_committee',
  'district_committee',
  'commune_committee',
  'workplace_committee',
  'residential_cell',
  'workplace_cell',
]);

export const workplaceSectorEnum = pgEnum('workplace_sector', [
  'agency',
  'enterprise',
  'public_service',
  'armed_forces',
]);

export const unitStatusEnum = pgEnum('unit_status', ['active', 'merged', 'dissolved']);

export const areaKindEnum = pgEnum('area_kind', ['village', 'hamlet', 'block', 'residential_group', 'other']);

/** A residential area (thôn, xóm, bản, tổ dân phố, khối) inside a commune; it has a Front working committee. */
export const residentialAreas = pgTable(
  'residential_areas',
  {
    id: uuid().primaryKey().defaultRandom(),
    communeUnitId: uuid()
      .notNull()
      .references((): AnyPgColumn => orgUnits.id),
    name: text().notNull(),
    kind: areaKindEnum().notNull().default('block'),
    frontHeadName: text(),
    frontHeadPhone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.communeUnitId)],
);

export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid().primaryKey().defaultRandom(),
    parentId: uuid().references((): AnyPgColumn => orgUnits.id),
    /** ltree of ids (dashes removed) from the root to this unit, itself included */
    path: ltree().notNull(),
    depth: integer().notNull().default(0),
    code: text().notNull().unique(),
    name: text().notNull(),
    type: unitTypeEnum().notNull(),
    sector: workplaceSectorEnum(),
    residentialAreaId: uuid().references(() => residentialAreas.id),
    address: text(),
    phone: text(),
    email: text(),
    meetingPlace: text(),
    status: unitStatusEnum().notNull().default('active'),
    validFrom: date().notNull().default(sql`current_date`),
    validTo: date(),
    mergedIntoId: uuid().references((): AnyPgColumn => orgUnits.id),
    searchName: text().generatedAlwaysAs(sql`lower(immutable_unaccent(name))`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_path_gist').using('gist', t.path),
    index().on(t.parentId),
    index().on(t.type),
    // the cell of a residential area (members not yet placed count under it on the dashboards)
    index().on(t.residentialAreaId),
    index('org_units_search_trgm').using('gin', t.searchName.op('gin_trgm_ops')),
  ],
);

export const unitEventKindEnum = pgEnum('unit_event_kind', [
  'created',
  'renamed',
  'moved',
  'merged',
  'absorbed',
  'dissolved',
  'updated',
]);

/** Dated history of a unit: names, parents, merges. Never updated, only appended. */
export const unitEvents = pgTable(
  'unit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    unitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    kind: unitEventKindEnum().notNull(),
    effectiveDate: date().notNull(),
    fromValue: text(),
    toValue: text(),
    relatedUnitId: uuid().references(() => orgUnits.id),
    note: text(),
    actorUserId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.unitId, t.createdAt)],
);
