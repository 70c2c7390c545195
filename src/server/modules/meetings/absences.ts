import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { ResidenceLifeRules } from '../../../shared/rules/residence-rules';
import { notifyEach, type Notice } from '../notifications/notifications.service';

/**
 * Art. 4.4: a run of unexcused absences (rule set: default 2 in a row) is reported to the commune committee
 * and the member's workplace committee automatically — once, keyed by the meeting that completed the run.
 * The run is counted over the member's held meetings in any cell (history survives moves); unrecorded rows
 * are skipped, any other status breaks the run (same rule as `trailingUnexcused`).
 */
export async function reportAbsenceRuns(tx: Executor, meetingId: string, rules: ResidenceLifeRules): Promise<number> {
  const runs = await queryRows<{ memberId: string; run: number }>(
    tx,
    sql`with target as (
          select a.member_id from meeting_attendances a where a.meeting_id = ${meetingId} and a.status = 'absent_unexcused'),
        hist as (
          select a.member_id, a.status, row_number() over (partition by a.member_id order by mt.starts_at desc, mt.id desc) as rn
          from meeting_attendances a join meetings mt on mt.id = a.meeting_id
          where a.member_id in (select member_id from target) and mt.status = 'held' and a.status <> 'unrecorded'
            and mt.starts_at <= (select starts_at from meetings where id = ${meetingId}))
        select member_id as "memberId",
          coalesce(min(rn) filter (where status <> 'absent_unexcused') - 1, count(*))::int as run
        from hist group by member_id`,
  );
  const due = runs.filter((r) => r.run >= rules.consecutiveUnexcusedAbsencesToReport);
  if (due.length === 0) return 0;
  const inserted = await queryRows<{ memberId: string; consecutive: number }>(
    tx,
    sql`insert into attendance_alerts (member_id, meeting_id, consecutive)
        select v.member_id, ${meetingId}, v.run from unnest(${`{${due.map((d) => d.memberId).join(',')}}`}::uuid[],
          ${`{${due.map((d) => d.run).join(',')}}`}::int[]) as v(member_id, run)
        on conflict do nothing returning member_id as "memberId", consecutive`,
  );
  if (inserted.length === 0) return 0;
  const recipients = await queryRows<{ memberId: string; member: string; cell: string; userId: string }>(
    tx,
    sql`select mb.id as "memberId", mb.full_name as member, c.name as cell, rg.user_id as "userId"
        from members mb join meetings mt on mt.id = ${meetingId} join org_units c on c.id = mt.cell_id
        join org_units wc on wc.id = mb.cell_id
        join role_grants rg on rg.role = 'committee_officer' and rg.revoked_at is null and (
          rg.unit_id = mb.residence_commune_id or rg.unit_id = c.parent_id
          or rg.unit_id = (select x.id from org_units x where x.path @> wc.path and x.id <> wc.id
            and x.type not in ('residential_cell', 'workplace_cell') order by x.depth desc limit 1))
        join users u on u.id = rg.user_id and u.is_active
        where mb.id = any(${`{${inserted.map((i) => i.memberId).join(',')}}`}::uuid[])`,
  );
  const count = new Map(inserted.map((i) => [i.memberId, i.consecutive]));
  const seen = new Set<string>();
  const items: Notice[] = [];
  for (const r of recipients) {
    if (seen.has(`${r.userId}|${r.memberId}`)) continue;
    seen.add(`${r.userId}|${r.memberId}`);
    items.push({ userId: r.userId, kind: 'absences_reported', params: { member: r.member, count: count.get(r.memberId)!, cell: r.cell }, link: `/members/${r.memberId}` });
  }
  await notifyEach(tx, items, { email: true });
  return inserted.length;
}
