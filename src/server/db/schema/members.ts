import { sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, residentialAreas } from './org-units';

export const sexEnum = pgEnum('sex', ['male', 'female']);
export const residenceCategoryEnum = pgEnum('residence_category', ['active', 'exempt', 'not_introduced']);
export const memberStatusEnum = pgEnum('member_status', [
  'active',
  'transferred',
  'expelled',
  'removed',
  'left',
  'deceased',
]);
export const membershipKindEnum = pgEnum('membership_kind', ['party_cell', 'residence_cell']);
export const membershipRoleEnum = pgEnum('membership_role', [
  'member',
  'secretary',
  'deputy_secretary',
  'committee_member',
]);

export const members = pgTable(
  'members',
  {
    id: uuid().primaryKey().defaultRandom(),
    fullName: text().notNull(),
    sex: sexEnum().notNull(),
    dateOfBirth: date().notNull(),
    cardNumber: text().notNull(),
    citizenId: text(),
    phone: text(),
    email: text(),
    dateAdmitted: date(),
    dateOfficial: date(),
    /** The cell where the member keeps Party life (the workplace cell for a working member). */
    cellId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    jobTitle: text(),
    registeredProvince: text(),
    registeredCommune: text(),
    registeredArea: text(),
    registeredStreet: text(),
    residenceProvince: text(),
    residenceCommuneId: uuid().references(() => orgUnits.id),
    residenceAreaId: uuid().references(() => residentialAreas.id),
    residenceStreet: text(),
    /** Residential cell the member is placed in (Art. 4.1); set by the introductions workflow. */
    residenceCellId: uuid().references(() => orgUnits.id),
    /** the member's latest introduction letter (src/server/db/schema/introductions.ts); its status is the hand-off stage */
    currentLetterId: uuid(),
    category: residenceCategoryEnum().notNull().default('active'),
    categoryReason: text(),
    exemptFrom: date(),
    exemptTo: date(),
    status: memberStatusEnum().notNull().default('active'),
    /** ' nguyen van an ' — unaccented, lower case, padded for word-prefix LIKE */
    searchName: text().generatedAlwaysAs(sql`' ' || lower(immutable_unaccent(full_name)) || ' '`),
    /** Vietnamese collation key, given name first (see src/shared/rules/vietnamese-name.ts) */
    sortKey: text().generatedAlwaysAs(sql`vn_sort_key(full_name)`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_card_number_key').on(t.cardNumber),
    uniqueIndex('members_citizen_id_key')
      .on(t.citizenId)
      .where(sql`citizen_id is not null`),
    index('members_card_number_prefix').on(t.cardNumber.op('text_pattern_ops')),
    index('members_search_trgm').using('gin', t.searchName.op('gin_trgm_ops')),
    index('members_sort').on(sql`sort_key collate "C"`, t.id),
    index().on(t.cellId),
    index().on(t.residenceCommuneId),
    index().on(t.residenceAreaId),
    index().on(t.residenceCellId),
    index().on(t.currentLetterId),
  ],
);

/** Dated membership of units, so history is never overwritten. */
export const unitMemberships = pgTable(
  'unit_memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    unitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    kind: membershipKindEnum().notNull(),
    role: membershipRoleEnum().notNull().default('member'),
    validFrom: date().notNull(),
    validTo: date(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.memberId, t.validFrom),
    index().on(t.unitId),
    uniqueIndex('unit_memberships_one_open')
      .on(t.memberId, t.kind)
      .where(sql`valid_to is null`),
  ],
);
