import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { members } from './members';

/**
 * The first answer to a change sent with an `Idempotency-Key` header, kept 24 h and replayed to a retry
 * (issue 12). A row without `statusCode` is a request still being worked on: a parallel retry waits for it.
 * `requestHash` refuses the same key reused for a different request.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    requestHash: text().notNull(),
    statusCode: integer(),
    responseBody: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index().on(t.createdAt)],
);

/**
 * Failed logins, counted per key: `ip:<address>:<login>` for the per-address limit and `account:<user id>` for
 * the per-account progressive delay (issue 12). One row per key, reset by a successful login.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text().primaryKey(),
    failures: integer().notNull().default(0),
    windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    blockedUntil: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.updatedAt)],
);

/** One-time password-reset links: the table keeps the SHA-256 of the token sent by e-mail. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ip: text(),
  },
  (t) => [index().on(t.userId)],
);

/** Two-factor recovery codes, each usable once; the table keeps a hash of the code. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Officers' reads of a member's record (Personal Data Protection Law): who, when, from which unit and which
 * page. Shown to the member and to admins. Append-only like the audit log.
 */
export const recordReads = pgTable(
  'record_reads',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    readerUserId: uuid().notNull(),
    readerUnitId: uuid(),
    /** what was read: record, export, document... */
    what: text().notNull(),
    /** the page (or API client) the read came from, as the client says */
    source: text(),
    requestId: text(),
    ip: text(),
  },
  (t) => [index().on(t.memberId, t.id), index().on(t.readerUserId, t.id)],
);

/**
 * Periodic jobs shared by every server on one database (issue 12, decision 0011): a process runs a job's tick
 * only after moving `nextRunAt` forward in one statement, so each tick runs once across processes.
 */
export const jobSchedule = pgTable('job_schedule', {
  name: text().primaryKey(),
  nextRunAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** a run in progress holds the job until then (a crashed process lets go when it passes) */
  lockedUntil: timestamp({ withTimezone: true }),
  lockedBy: text(),
  lastStartedAt: timestamp({ withTimezone: true }),
  lastFinishedAt: timestamp({ withTimezone: true }),
  lastError: text(),
  runs: bigint({ mode: 'number' }).notNull().default(0),
  lastResult: jsonb(),
});
