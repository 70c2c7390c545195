import type { Executor } from '../../db/client';
import { emailOutbox, notifications } from '../../db/schema';

export interface NotifyInput {
  userIds: string[];
  kind: string;
  params?: Record<string, string | number | null>;
  link?: string | null;
}

/** In-app notifications, written in the caller's transaction so a workflow step and its notices commit together. */
export async function notify(tx: Executor, input: NotifyInput): Promise<void> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return;
  await tx.insert(notifications).values(
    ids.map((userId) => ({ userId, kind: input.kind, params: input.params ?? {}, link: input.link ?? null })),
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
