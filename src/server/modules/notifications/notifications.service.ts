import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { emailOutbox, notifications, users } from '../../db/schema';
import { hasMessage, translate } from '../../i18n/messages';

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
