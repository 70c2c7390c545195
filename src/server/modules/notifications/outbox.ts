import type { Db } from '../../db/client';
import type { Clock } from '../../context';
import type { Mailer } from './mailer';
import { runPeriodically } from '../../periodic';
import { claimDueMail, markMailFailed, markMailSent } from './outbox.repository';

export const MAX_ATTEMPTS = 8;

/** Exponential backoff: 1, 2, 4 … minutes, capped at 2 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 2 * 3600_000);
}

/**
 * Send due emails from the durable outbox. Each row is claimed with SKIP LOCKED so several workers never
 * send the same mail; a failure reschedules it with backoff until MAX_ATTEMPTS, then marks it failed.
 */
export async function processOutbox(
  db: Db,
  mailer: Mailer,
  clock: Clock,
  batch = 20,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction(async (tx) => {
      const now = clock.now();
      const row = await claimDueMail(tx, now);
      if (!row) return false;
      try {
        await mailer.send({ to: row.to_address, subject: row.subject, text: row.body_text });
        await markMailSent(tx, row.id, now);
        sent++;
      } catch (err) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= MAX_ATTEMPTS;
        const next = new Date(now.getTime() + retryDelayMs(attempts));
        const error = String((err as Error).message).slice(0, 500);
        await markMailFailed(tx, { id: row.id, attempts, error, giveUp, next });
        failed++;
      }
      return true;
    });
    if (!done) break;
  }
  return { sent, failed };
}

/**
 * Poll the outbox in the background, in every server: rows are claimed one by one (SKIP LOCKED), so more
 * servers send faster and never the same row. Returns a stop function for graceful shutdown.
 */
export function startOutboxWorker(
  db: Db,
  mailer: Mailer,
  clock: Clock,
  intervalMs = 15_000,
  log: (err: unknown) => void = () => {},
) {
  // mail that was waiting when the server stopped (or crashed) goes out right after start
  return runPeriodically(() => processOutbox(db, mailer, clock), intervalMs, log, 1_000);
}
