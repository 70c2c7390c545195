import type { Db } from '../../db/client';
import type { Clock } from '../../context';
import { notifyEach } from '../notifications/notifications.service';
import { perPerson, usersWithRoleOn } from './evaluations.repository';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import { canEvaluation } from '../../../shared/rules/evaluation';
import { markOverdueNotified } from './workflow.repository';

/**
 * Past the due date, the residence side is reminded once per evaluation: the cell while it is to be
 * written or corrected (the commune while no cell is known yet), the commune while it waits for
 * confirmation. Idempotent (overdue_notified_at), so the hourly run and the admin endpoint can repeat.
 */
export async function remindOverdueEvaluations(deps: {
  db: Db;
  clock: Clock;
}): Promise<{ evaluations: number; people: number }> {
  const today = vnDay(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const rows = await markOverdueNotified(tx, today, deps.clock.now());
    if (rows.length === 0) return { evaluations: 0, people: 0 };
    // signed forms wait for the commune's confirmation (Art. 4.5)
    const atCommune = rows.filter((r) => canEvaluation('confirm', r.status) || !r.cellId);
    const atCell = rows.filter((r) => !canEvaluation('confirm', r.status) && r.cellId);
    const secretaries = await usersWithRoleOn(
      tx,
      'cell_secretary',
      atCell.map((r) => r.cellId!),
    );
    const officers = await usersWithRoleOn(
      tx,
      'committee_officer',
      atCommune.map((r) => r.communeId),
    );
    const items = perPerson(
      [
        ...secretaries.map((u) => ({
          userId: u.userId,
          kind: 'evaluation_overdue' as const,
          params: { count: atCell.filter((r) => r.cellId === u.unitId).length },
        })),
        ...officers.map((u) => ({
          userId: u.userId,
          kind: 'evaluation_overdue' as const,
          params: { count: atCommune.filter((r) => r.communeId === u.unitId).length },
        })),
      ],
      '/evaluations',
    );
    await notifyEach(tx, items, { email: true });
    return { evaluations: rows.length, people: new Set(items.map((i) => i.userId)).size };
  });
}
