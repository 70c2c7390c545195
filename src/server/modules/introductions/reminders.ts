import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client';
import type { Clock } from '../../context';
import { notifyEach } from '../notifications/notifications.service';
import { awaitingReceiptStatus } from '../../../shared/rules/introduction-letter';
import { isValue } from '../../db/sql-values';
import * as repo from './letters.repository';

/**
 * A letter not received within the configured days is overdue; each receiving commune gets one reminder
 * for its overdue letters (once per letter), so nothing waits silently in an inbox.
 */
export async function sendOverdueReminders(deps: {
  db: Db;
  clock: Clock;
  overdueDays: number;
}): Promise<{ letters: number; communes: number }> {
  const before = new Date(deps.clock.now().getTime() - deps.overdueDays * 86_400_000).toISOString();
  return deps.db.transaction(async (tx) => {
    const due = await queryRows<{ id: string; communeId: string }>(
      tx,
      sql`update introduction_letters l set reminder_sent_at = ${deps.clock.now().toISOString()}::timestamptz
          where ${isValue(sql`l.status`, awaitingReceiptStatus)} and l.reminder_sent_at is null and l.issued_at < ${before}::timestamptz
          returning l.id, l.receiving_commune_id as "communeId"`,
    );
    if (due.length === 0) return { letters: 0, communes: 0 };
    const perCommune = new Map<string, number>();
    for (const d of due) perCommune.set(d.communeId, (perCommune.get(d.communeId) ?? 0) + 1);
    const officers = await repo.usersOnUnits(tx, 'committee_officer', [...perCommune.keys()]);
    await notifyEach(
      tx,
      officers.map((o) => ({
        userId: o.userId,
        kind: 'letters_overdue',
        params: { count: perCommune.get(o.unitId)!, days: deps.overdueDays },
        link: '/introductions/inbox',
      })),
      { email: true },
    );
    return { letters: due.length, communes: perCommune.size };
  });
}
