import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isNotValue, isValue, uuidList } from '../../db/sql-values';
import { skippedInAbsenceRun, unexcusedAbsenceStatus } from '../../../shared/rules/attendance';
import { heldMeetingStatus } from '../../../shared/rules/meeting';

/** Queries of the absence runs reported to the commune and the workplace (the rule is in absences.ts). */

/**
 * For each member absent without excuse from this meeting, the length of their run of such absences up to it,
 * over their held meetings in any cell; unrecorded rows are passed over, any other status ends the run.
 */
export async function absenceRunsAt(db: Executor, meetingId: string) {
  const unexcused = (column: string) => isValue(sql.raw(column), unexcusedAbsenceStatus);
  return queryRows<{ memberId: string; run: number }>(
    db,
    sql`with target as (
          select a.member_id from meeting_attendances a where a.meeting_id = ${meetingId} and ${unexcused('a.status')}),
        hist as (
          select a.member_id, a.status, row_number() over (partition by a.member_id order by mt.starts_at desc, mt.id desc) as rn
          from meeting_attendances a join meetings mt on mt.id = a.meeting_id
          where a.member_id in (select member_id from target) and ${isValue(sql`mt.status`, heldMeetingStatus)}
            and ${isNotValue(sql`a.status`, skippedInAbsenceRun)}
            and mt.starts_at <= (select starts_at from meetings where id = ${meetingId}))
        select member_id as "memberId",
          coalesce(min(rn) filter (where not ${unexcused('status')}) - 1, count(*))::int as run
        from hist group by member_id`,
  );
}

/** New alerts (once per member and meeting); returns those inserted. */
export async function insertAttendanceAlerts(
  db: Executor,
  meetingId: string,
  runs: { memberId: string; run: number }[],
) {
  return queryRows<{ memberId: string; consecutive: number }>(
    db,
    sql`insert into attendance_alerts (member_id, meeting_id, consecutive)
        select v.member_id, ${meetingId}, v.run from unnest(${uuidList(runs.map((d) => d.memberId))},
          ${`{${runs.map((d) => d.run).join(',')}}`}::int[]) as v(member_id, run)
        on conflict do nothing returning member_id as "memberId", consecutive`,
  );
}

/**
 * Who hears of a member's run: the committee officers of the member's residence commune, of the commune over
 * the meeting's cell, and of the member's workplace committee (the nearest committee over their party cell).
 */
export async function absenceRecipients(db: Executor, meetingId: string, memberIds: string[]) {
  return queryRows<{ memberId: string; member: string; cell: string; userId: string }>(
    db,
    sql`select mb.id as "memberId", mb.full_name as member, c.name as cell, rg.user_id as "userId"
        from members mb join meetings mt on mt.id = ${meetingId} join org_units c on c.id = mt.cell_id
        join org_units wc on wc.id = mb.cell_id
        join role_grants rg on rg.role = 'committee_officer' and rg.revoked_at is null and (
          rg.unit_id = mb.residence_commune_id or rg.unit_id = c.parent_id
          or rg.unit_id = (select x.id from org_units x where x.path @> wc.path and x.id <> wc.id
            and x.type not in ('residential_cell', 'workplace_cell') order by x.depth desc limit 1))
        join users u on u.id = rg.user_id and u.is_active
        where mb.id = any(${uuidList(memberIds)})`,
  );
}
