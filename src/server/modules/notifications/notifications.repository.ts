import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { NotificationKind } from '../../../shared/contracts/notifications';
import { queryRows, type Executor } from '../../db/client';
import { emailOutbox, notifications, users } from '../../db/schema';

/** Queries over the in-app inbox. No rules here: the service decides who is told what. */

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  params: Record<string, string | number | null>;
  link: string | null;
}

export async function insertNotifications(tx: Executor, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(notifications).values(rows);
}

export interface MailRecipient {
  id: string;
  email: string | null;
  locale: 'vi' | 'en';
}

/** The active or inactive users among `ids` who have an e-mail address. */
export async function findMailRecipients(tx: Executor, ids: string[]): Promise<MailRecipient[]> {
  return tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), isNotNull(users.email)));
}

export async function insertOutboxMails(
  tx: Executor,
  mails: { to: string; subject: string; text: string }[],
): Promise<void> {
  if (mails.length === 0) return;
  await tx
    .insert(emailOutbox)
    .values(mails.map((m) => ({ toAddress: m.to, subject: m.subject, bodyText: m.text })));
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The person's notifications older than `before` (all when null), newest first, `limit` of them. */
export async function listUserNotifications(
  db: Executor,
  userId: string,
  before: Date | null,
  limit: number,
) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), before ? lt(notifications.createdAt, before) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Whether the person had this notification (it is theirs and now read). */
export async function markNotificationRead(
  db: Executor,
  userId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const updated = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return updated.length > 0;
}

export async function markAllNotificationsRead(db: Executor, userId: string, at: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export interface CountedNotice {
  userId: string;
  kind: NotificationKind;
  params: Record<string, string | number | null>;
  link: string | null;
}

/**
 * For each notice, the person's latest unread notification of the same kind takes the new params and link,
 * its `count` raised by the notice's (1 by default), and comes back to the top of the inbox. Returns the
 * notices it raised a count for; the others have nothing unread of their kind.
 */
export async function raiseUnreadCounts(
  tx: Executor,
  notices: CountedNotice[],
  now: Date,
): Promise<{ userId: string; kind: string }[]> {
  if (notices.length === 0) return [];
  return queryRows<{ userId: string; kind: string }>(
    tx,
    sql`with input as (
          select * from jsonb_to_recordset(${JSON.stringify(notices)}::jsonb) as x("userId" uuid, kind text, params jsonb, link text)),
        latest as (
          select distinct on (n.user_id, n.kind) n.id, i.params, i.link
          from notifications n join input i on i."userId" = n.user_id and i.kind = n.kind
          where n.read_at is null
          order by n.user_id, n.kind, n.created_at desc)
        update notifications n
          set params = n.params || latest.params
                || jsonb_build_object('count', coalesce((n.params ->> 'count')::int, 1) + coalesce((latest.params ->> 'count')::int, 1)),
              link = latest.link, created_at = ${now.toISOString()}::timestamptz
        from latest where n.id = latest.id
        returning n.user_id as "userId", n.kind`,
  );
}
