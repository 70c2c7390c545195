import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import type { NotificationKind } from '../../../shared/contracts/notifications';
import type { OutboxStatus } from '../../../shared/rules/email-outbox';
import { isValue } from '../sql-values';

/** In-app inbox. `kind` + `params` are rendered by the client in the reader's language. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** one of the kinds the web renders (shared/contracts/notifications.ts: the one list for server and web) */
    kind: text().$type<NotificationKind>().notNull(),
    params: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.userId, t.createdAt),
    index('notifications_unread')
      .on(t.userId)
      .where(sql`read_at is null`),
  ],
);

export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

/** Durable email outbox: written in the same transaction as the workflow step, sent by a worker with retries. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    status: outboxStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('email_outbox_due')
      .on(t.nextAttemptAt)
      .where(isValue(sql`status`, 'pending' satisfies OutboxStatus)),
  ],
);
