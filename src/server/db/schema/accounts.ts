import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgUnits } from './org-units';
import { citext } from './types';

export const roleEnum = pgEnum('role', ['admin', 'committee_officer', 'cell_secretary', 'front_head', 'member']);
export const officerPositionEnum = pgEnum('officer_position', [
  'secretary',
  'deputy_secretary',
  'committee_member',
  'staff',
]);
export const localeEnum = pgEnum('locale', ['vi', 'en']);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: citext().notNull().unique(),
    email: citext(),
    phone: text(),
    memberId: uuid().references(() => members.id),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    locale: localeEnum().notNull().default('vi'),
    isActive: boolean().notNull().default(true),
    passwordChangedAt: timestamp({ withTimezone: true }),
    /** set for accounts an admin creates or resets: the next login must choose a new password first */
    mustChangePassword: boolean().notNull().default(false),
    /** TOTP secret, sealed with the server's secret (src/server/modules/auth/totp.ts); set during enrolment */
    totpSecret: text(),
    /** when enrolment was confirmed with a first valid code; null = no second factor yet */
    totpEnabledAt: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key')
      .on(t.email)
      .where(sql`email is not null`),
    uniqueIndex('users_phone_key')
      .on(t.phone)
      .where(sql`phone is not null`),
    uniqueIndex('users_member_key')
      .on(t.memberId)
      .where(sql`member_id is not null`),
  ],
);

/** Roles are granted on a unit and reach its subtree. `member` is granted on nothing: it means "self". */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: roleEnum().notNull(),
    unitId: uuid().references(() => orgUnits.id),
    position: officerPositionEnum(),
    grantedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.unitId),
    uniqueIndex('role_grants_active_key')
      .on(t.userId, t.role, sql`coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`revoked_at is null`),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    csrfToken: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ip: text(),
    userAgent: text(),
    /** when the second factor was given in this session; null while it is still asked for (or not needed) */
    secondFactorAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);
