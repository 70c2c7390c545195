import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { emailOutbox, notifications, users } from '../../db/schema';
import { hasMessage, translate } from '../../i18n/messages';
import { raiseUnreadCounts } from './notifications.repository';

export interface NotifyInput {
  userIds: string[];
  kind: string;
  params?: Record<string, string | number | null>;
  link?: string | null;
  /** also email those users who have an address, in their language (messages `mail.<kind>.subject|body`) */
  email?: boolean;
}

/** In-app notifications, written in the caller's transaction so a workflow step and its notices commit together. */
export async function notify(tx: Executor, input: NotifyInput): Promise<void> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return;
  await tx.insert(notifications).values(
    ids.map((userId) => ({ userId, kind: input.kind, params: input.params ?? {}, link: input.link ?? null })),
  );
  if (!input.email || !hasMessage(`mail.${input.kind}.subject`)) return;
  const recipients = await tx
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), isNotNull(users.email)));
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
  if (list.length === 0) return;
  await tx.insert(emailOutbox).values(list.map((m) => ({ toAddress: m.to, subject: m.subject, bodyText: m.text })));
}

/** Enum values in params (e.g. role=committee_officer) read as words when a message `<param>.<value>` exists. */
function localisedParams(locale: 'vi' | 'en', params: Record<string, string | number | null>) {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && hasMessage(`${k}.${v}`) ? translate(locale, `${k}.${v}`) : v]),
  );
}

export interface NotificationItem {
  userId: string;
  kind: string;
  params?: Record<string, string | number | null>;
  link?: string | null;
}

/**
 * Many notifications with different texts in one statement per chunk (batch workflow steps notify thousands
 * at once). Emails go to those with an address when `mail.<kind>.subject` exists and `email` is set.
 */
export async function notifyEach(tx: Executor, items: NotificationItem[], opts: { email?: boolean } = {}): Promise<void> {
  if (items.length === 0) return;
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    await tx
      .insert(notifications)
      .values(chunk.map((n) => ({ userId: n.userId, kind: n.kind, params: n.params ?? {}, link: n.link ?? null })));
  }
  if (!opts.email) return;
  const mailable = items.filter((n) => hasMessage(`mail.${n.kind}.subject`));
  if (mailable.length === 0) return;
  const recipients = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, [...new Set(mailable.map((n) => n.userId))]), isNotNull(users.email)));
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const mails = mailable.flatMap((n) => {
    const r = byId.get(n.userId);
    if (!r) return [];
    const params = localisedParams(r.locale, n.params ?? {});
    return [{ to: r.email!, subject: translate(r.locale, `mail.${n.kind}.subject`, params), text: translate(r.locale, `mail.${n.kind}.body`, params) }];
  });
  for (let i = 0; i < mails.length; i += 1000) await enqueueEmail(tx, mails.slice(i, i + 1000));
}

/**
 * A notice that adds up while it is unread, for steps taken one record at a time that tell the same person
 * again and again (the forms a Front head is to co-sign, drafted one after another): whoever has not read the
 * last one of the kind sees its count raised and no second e-mail; anyone else gets a new one, and the e-mail
 * when `email` is set.
 */
export async function notifyCounting(tx: Executor, items: NotificationItem[], opts: { email?: boolean; now?: Date } = {}): Promise<void> {
  if (items.length === 0) return;
  const raised = await raiseUnreadCounts(
    tx,
    items.map((n) => ({ userId: n.userId, kind: n.kind, params: n.params ?? {}, link: n.link ?? null })),
    opts.now ?? new Date(),
  );
  const done = new Set(raised.map((r) => `${r.userId}|${r.kind}`));
  await notifyEach(tx, items.filter((n) => !done.has(`${n.userId}|${n.kind}`)), { email: opts.email });
}
