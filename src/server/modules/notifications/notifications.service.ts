import type { Notification, NotificationKind } from '../../../shared/contracts/notifications';
import type { Executor } from '../../db/client';
import { NotFound } from '../../http/errors';
import { hasMessage, translate } from '../../i18n/messages';
import {
  countUnread,
  findMailRecipients,
  insertNotifications,
  insertOutboxMails,
  listUserNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  raiseUnreadCounts,
} from './notifications.repository';

export interface NotifyInput {
  userIds: string[];
  kind: NotificationKind;
  params?: Record<string, string | number | null>;
  link?: string | null;
  /** also email those users who have an address, in their language (messages `mail.<kind>.subject|body`) */
  email?: boolean;
}

/** In-app notifications, written in the caller's transaction so a workflow step and its notices commit together. */
export async function notify(tx: Executor, input: NotifyInput): Promise<void> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return;
  await insertNotifications(
    tx,
    ids.map((userId) => ({ userId, kind: input.kind, params: input.params ?? {}, link: input.link ?? null })),
  );
  if (!input.email || !hasMessage(`mail.${input.kind}.subject`)) return;
  const recipients = await findMailRecipients(tx, ids);
  await enqueueEmail(
    tx,
    recipients.map((r) => {
      const params = localisedParams(r.locale, input.params ?? {});
      return {
        to: r.email!,
        subject: translate(r.locale, `mail.${input.kind}.subject`, params),
        text: translate(r.locale, `mail.${input.kind}.body`, params),
      };
    }),
  );
}

/** Queue an email in the durable outbox; the outbox worker sends it (with retries) after commit. */
export async function enqueueEmail(
  tx: Executor,
  mail: { to: string; subject: string; text: string } | { to: string; subject: string; text: string }[],
): Promise<void> {
  const list = Array.isArray(mail) ? mail : [mail];
  await insertOutboxMails(tx, list);
}

/** Enum values in params (e.g. role=committee_officer) read as words when a message `<param>.<value>` exists. */
function localisedParams(locale: 'vi' | 'en', params: Record<string, string | number | null>) {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && hasMessage(`${k}.${v}`) ? translate(locale, `${k}.${v}`) : v,
    ]),
  );
}

/** A notice of one of the shared kinds: a kind the web has no words for does not compile. */
export interface Notice {
  userId: string;
  kind: NotificationKind;
  params?: Record<string, string | number | null>;
  link?: string | null;
}

/** What notifyEach and notifyCounting take: a Notice (kept under this name for its importers). */
export type NotificationItem = Notice;

/**
 * Many notifications with different texts in one statement per chunk (batch workflow steps notify thousands
 * at once). Emails go to those with an address when `mail.<kind>.subject` exists and `email` is set.
 */
export async function notifyEach(
  tx: Executor,
  items: NotificationItem[],
  opts: { email?: boolean } = {},
): Promise<void> {
  if (items.length === 0) return;
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    await insertNotifications(
      tx,
      chunk.map((n) => ({ userId: n.userId, kind: n.kind, params: n.params ?? {}, link: n.link ?? null })),
    );
  }
  if (!opts.email) return;
  const mailable = items.filter((n) => hasMessage(`mail.${n.kind}.subject`));
  if (mailable.length === 0) return;
  const recipients = await findMailRecipients(tx, [...new Set(mailable.map((n) => n.userId))]);
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const mails = mailable.flatMap((n) => {
    const r = byId.get(n.userId);
    if (!r) return [];
    const params = localisedParams(r.locale, n.params ?? {});
    return [
      {
        to: r.email!,
        subject: translate(r.locale, `mail.${n.kind}.subject`, params),
        text: translate(r.locale, `mail.${n.kind}.body`, params),
      },
    ];
  });
  for (let i = 0; i < mails.length; i += 1000) await enqueueEmail(tx, mails.slice(i, i + 1000));
}

/**
 * A notice that adds up while it is unread, for steps taken one record at a time that tell the same person
 * again and again (the forms a Front head is to co-sign, drafted one after another): whoever has not read the
 * last one of the kind sees its count raised and no second e-mail; anyone else gets a new one, and the e-mail
 * when `email` is set.
 */
export async function notifyCounting(
  tx: Executor,
  items: NotificationItem[],
  opts: { email?: boolean; now?: Date } = {},
): Promise<void> {
  if (items.length === 0) return;
  const raised = await raiseUnreadCounts(
    tx,
    items.map((n) => ({ userId: n.userId, kind: n.kind, params: n.params ?? {}, link: n.link ?? null })),
    opts.now ?? new Date(),
  );
  const done = new Set(raised.map((r) => `${r.userId}|${r.kind}`));
  await notifyEach(
    tx,
    items.filter((n) => !done.has(`${n.userId}|${n.kind}`)),
    { email: opts.email },
  );
}

// ── the person's inbox ──

export function unreadCount(db: Executor, userId: string): Promise<number> {
  return countUnread(db, userId);
}

/** The person's notifications, newest first, a page of `limit` before the cursor (a creation time). */
export async function listNotifications(
  db: Executor,
  userId: string,
  query: { cursor?: string; limit: number },
) {
  const rows = await listUserNotifications(
    db,
    userId,
    query.cursor ? new Date(query.cursor) : null,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const items: Notification[] = page.map((n) => ({
    id: n.id,
    kind: n.kind,
    params: n.params,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  }));
  return {
    items,
    unreadCount: await countUnread(db, userId),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.createdAt.toISOString() : null,
  };
}

/** Someone else's notification is not found. */
export async function markRead(db: Executor, userId: string, id: string, now: Date): Promise<void> {
  if (!(await markNotificationRead(db, userId, id, now))) throw new NotFound();
}

export function markAllRead(db: Executor, userId: string, now: Date): Promise<void> {
  return markAllNotificationsRead(db, userId, now);
}
