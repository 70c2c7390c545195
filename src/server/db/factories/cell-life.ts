import { contributionTransition, type ContributionStatus } from '../../../shared/rules/contribution';
import type { Executor } from '../client';
import { activities, activityContributions, memberWarnings } from '../schema';

/** Warnings and contributions of the cell's life (Art. 4.4, Art. 5), as the services leave them. */

export async function newWarning(
  db: Executor,
  o: Partial<typeof memberWarnings.$inferInsert> & { memberId: string; cellId: string },
) {
  const [row] = await db
    .insert(memberWarnings)
    .values({
      kind: 'reminder',
      reason: 'Chưa tham gia sinh hoạt hai lần liền',
      deadline: '2026-12-31',
      ...o,
    })
    .returning();
  return row!;
}

/** An activity of the unit and one member's contribution to it (confirmed unless told). */
export async function newContribution(
  db: Executor,
  o: {
    unitId: string;
    memberId: string;
    startsOn?: string;
    workDays?: string;
    moneyVnd?: number;
    status?: ContributionStatus;
  },
) {
  const [activity] = await db
    .insert(activities)
    .values({ unitId: o.unitId, title: 'Làm đường bê tông ngõ 5', startsOn: o.startsOn ?? '2026-04-10' })
    .returning();
  const [row] = await db
    .insert(activityContributions)
    .values({
      activityId: activity!.id,
      memberId: o.memberId,
      workDays: o.workDays ?? '2.5',
      moneyVnd: o.moneyVnd ?? 500_000,
      status: o.status ?? contributionTransition('record').to,
    })
    .returning();
  return { activity: activity!, contribution: row! };
}
