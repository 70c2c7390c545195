import type { Executor } from '../../db/client';
import type { ResidenceLifeRules } from '../../../shared/rules/residence-rules';
import { notifyEach, type Notice } from '../notifications/notifications.service';
import { absenceRecipients, absenceRunsAt, insertAttendanceAlerts } from './absences.repository';

/**
 * Art. 4.4: a run of unexcused absences (rule set: default 2 in a row) is reported to the commune committee
 * and the member's workplace committee automatically — once, keyed by the meeting that completed the run.
 * The run is counted over the member's held meetings in any cell (history survives moves); unrecorded rows
 * are skipped, any other status breaks the run (same rule as `trailingUnexcused`).
 */
export async function reportAbsenceRuns(
  tx: Executor,
  meetingId: string,
  rules: ResidenceLifeRules,
): Promise<number> {
  const runs = await absenceRunsAt(tx, meetingId);
  const due = runs.filter((r) => r.run >= rules.consecutiveUnexcusedAbsencesToReport);
  if (due.length === 0) return 0;
  const inserted = await insertAttendanceAlerts(tx, meetingId, due);
  if (inserted.length === 0) return 0;
  const recipients = await absenceRecipients(
    tx,
    meetingId,
    inserted.map((i) => i.memberId),
  );
  const count = new Map(inserted.map((i) => [i.memberId, i.consecutive]));
  const seen = new Set<string>();
  const items: Notice[] = [];
  for (const r of recipients) {
    if (seen.has(`${r.userId}|${r.memberId}`)) continue;
    seen.add(`${r.userId}|${r.memberId}`);
    items.push({
      userId: r.userId,
      kind: 'absences_reported',
      params: { member: r.member, count: count.get(r.memberId)!, cell: r.cell },
      link: `/members/${r.memberId}`,
    });
  }
  await notifyEach(tx, items, { email: true });
  return inserted.length;
}
