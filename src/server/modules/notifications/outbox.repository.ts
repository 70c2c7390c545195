import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { literal, oneOf } from '../../db/sql-values';
import { dueOutboxStatuses, outboxTransition } from '../../../shared/rules/email-outbox';

/** Queries of the outbox worker (the retry rule is in outbox.ts). */

export interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
}

/** The next mail due at `now`, locked for this worker; rows other workers hold are skipped. */
export async function claimDueMail(tx: Executor, now: Date): Promise<OutboxRow | undefined> {
  const [row] = await queryRows<OutboxRow>(
    tx,
    sql`
        select id, to_address, subject, body_text, attempts from email_outbox
        where ${oneOf(sql`status`, dueOutboxStatuses)} and next_attempt_at <= ${now.toISOString()}::timestamptz
        order by next_attempt_at limit 1 for update skip locked`,
  );
  return row;
}

export async function markMailSent(tx: Executor, id: string, now: Date): Promise<void> {
  await tx.execute(sql`update email_outbox set status = ${literal(outboxTransition('send').to)}, sent_at = ${now.toISOString()}::timestamptz,
          attempts = attempts + 1, last_error = null where id = ${id}`);
}

/** A failed attempt: tried again at `next`, or given up. */
export async function markMailFailed(
  tx: Executor,
  m: { id: string; attempts: number; error: string; giveUp: boolean; next: Date },
): Promise<void> {
  const status = outboxTransition(m.giveUp ? 'giveUp' : 'retry').to;
  await tx.execute(sql`update email_outbox set attempts = ${m.attempts}, last_error = ${m.error},
          status = ${literal(status)}::outbox_status, next_attempt_at = ${m.next.toISOString()}::timestamptz where id = ${m.id}`);
}
