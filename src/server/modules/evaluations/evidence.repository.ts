import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isNotValue, isValue, oneOf } from '../../db/sql-values';
import { vnYearOf } from '../../db/vietnam-calendar-sql';
import {
  attendedStatuses,
  expectedAttendanceStatus,
  unexcusedAbsenceStatus,
} from '../../../shared/rules/attendance';
import { standingContributionStatuses } from '../../../shared/rules/contribution';
import { heldMeetingStatus, warningTransition } from '../../../shared/rules/meeting';
import type { Evidence } from '../../../shared/rules/evaluation-rules';

/**
 * The record behind the form (Art. 4.4 on evidence, not favours): per member and year, what the meetings,
 * activities, warnings and self-report say. One statement for any number of members.
 */

const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

interface EvidenceRow {
  memberId: string;
  held: number;
  expected: number;
  attended: number;
  unexcused: number;
  contributions: number;
  days: number;
  openWarnings: number;
  warningsThisYear: number;
  selfReported: boolean;
}

export async function evidenceFor(
  db: Executor,
  memberIds: string[],
  year: number,
): Promise<Map<string, Evidence>> {
  const out = new Map<string, Evidence>();
  if (memberIds.length === 0) return out;
  const rows = await queryRows<EvidenceRow>(
    db,
    sql`with ids as (select unnest(${uuidArray(memberIds)}) as member_id),
        att as (
          select a.member_id,
            count(*)::int as held,
            count(*) filter (where ${isNotValue(sql`a.status`, expectedAttendanceStatus.exempt)})::int as expected,
            count(*) filter (where ${oneOf(sql`a.status`, attendedStatuses)})::int as attended,
            count(*) filter (where ${isValue(sql`a.status`, unexcusedAbsenceStatus)})::int as unexcused
          from meeting_attendances a join meetings mt on mt.id = a.meeting_id
          where a.member_id in (select member_id from ids) and ${isValue(sql`mt.status`, heldMeetingStatus)}
            and ${vnYearOf(sql`mt.starts_at`)} = ${year}
          group by a.member_id),
        con as (
          select c.member_id, count(*)::int as contributions, coalesce(sum(c.work_days), 0)::float8 as days
          from activity_contributions c join activities ac on ac.id = c.activity_id
          where c.member_id in (select member_id from ids) and ${oneOf(sql`c.status`, standingContributionStatuses)}
            and ac.starts_on <= ${`${year}-12-31`}::date and coalesce(ac.ends_on, ac.starts_on) >= ${`${year}-01-01`}::date
          group by c.member_id),
        war as (
          select w.member_id,
            count(*) filter (where ${oneOf(sql`w.status`, warningTransition('resolve').from)})::int as open_warnings,
            count(*) filter (where ${isNotValue(sql`w.status`, warningTransition('withdraw').to)} and ${vnYearOf(sql`w.created_at`)} = ${year})::int as this_year
          from member_warnings w where w.member_id in (select member_id from ids)
          group by w.member_id)
        select ids.member_id as "memberId", coalesce(att.held, 0) as held, coalesce(att.expected, 0) as expected,
          coalesce(att.attended, 0) as attended, coalesce(att.unexcused, 0) as unexcused,
          coalesce(con.contributions, 0) as contributions, coalesce(con.days, 0) as days,
          coalesce(war.open_warnings, 0) as "openWarnings", coalesce(war.this_year, 0) as "warningsThisYear",
          exists (select 1 from self_reports s where s.member_id = ids.member_id and s.year = ${year} and s.submitted_at is not null) as "selfReported"
        from ids left join att using (member_id) left join con using (member_id) left join war using (member_id)`,
  );
  for (const r of rows) {
    out.set(r.memberId, {
      meetingsHeld: r.held,
      meetingsAttended: r.attended,
      // no meeting expected of the member → nothing to hold against them
      attendanceRate: r.expected === 0 ? 100 : Math.round((r.attended / r.expected) * 100),
      unexcusedAbsences: r.unexcused,
      confirmedContributions: r.contributions,
      contributionDays: Number(r.days),
      openWarnings: r.openWarnings,
      warningsThisYear: r.warningsThisYear,
      selfReported: r.selfReported ? 1 : 0,
    });
  }
  return out;
}

export async function evidenceOf(db: Executor, memberId: string, year: number): Promise<Evidence> {
  return (await evidenceFor(db, [memberId], year)).get(memberId)!;
}
