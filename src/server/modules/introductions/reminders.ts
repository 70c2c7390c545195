import type { Db } from '../../db/client';
import { usersOnUnits } from '../notifications/recipients.service';
import type { Clock } from '../../context';
import { notifyEach } from '../notifications/notifications.service';
import { awaitingReceiptStatus } from '../../../shared/rules/introduction-letter';
import { markReminded } from './letter-steps.repository';

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
    const due = await markReminded(tx, awaitingReceiptStatus, before, deps.clock.now());
    if (due.length === 0) return { letters: 0, communes: 0 };
    const perCommune = new Map<string, number>();
    for (const d of due) perCommune.set(d.communeId, (perCommune.get(d.communeId) ?? 0) + 1);
    const officers = await usersOnUnits(tx, 'committee_officer', [...perCommune.keys()]);
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
