import { sql, type SQL } from 'drizzle-orm';
import { skippedInAbsenceRun, unexcusedAbsenceStatus } from '../../../../shared/rules/attendance';
import { contributionTransition, type ContributionAction } from '../../../../shared/rules/contribution';
import {
  heldMeetingStatus,
  newWarningStatus,
  warningTransition,
  type WarningAction,
} from '../../../../shared/rules/meeting';
import { reg213LifeRules } from '../../reference-data';
import { isNotValue, isValue, literal, oneOf } from '../../sql-values';
import { vnDateOf } from '../../vietnam-calendar-sql';
import { pick, textArray } from '../sql-picks';
import { days, run, tempTable, vnAt, type ProvinceContext } from './context';
import { ACTIVITIES, WARNING_REASONS } from './vocab';

/**
 * The rest of a cell's year (Art. 2.4–2.6, 4.4): reports of unexcused absences in a row, the cell's warnings
 * with deadlines (open, resolved, escalated), and local campaigns with each member's contribution.
 */
export async function seedCellLife(ctx: ProvinceContext): Promise<void> {
  await seedAbsenceRuns(ctx);
  await seedWarnings(ctx);
  await seedActivities(ctx);
}

/**
 * Same rule as the meeting job (absences.ts): over a member's held meetings, unrecorded rows skipped, a run of
 * unexcused absences of the rule set's length is reported at each meeting that extends it.
 */
async function seedAbsenceRuns(ctx: ProvinceContext): Promise<void> {
  await run(
    ctx,
    sql`insert into attendance_alerts (member_id, meeting_id, consecutive, created_at)
        select member_id, meeting_id, pos, least(ends_at + interval '1 hour', ${ctx.now}) from (
          select member_id, meeting_id, ends_at, st, row_number() over (partition by member_id, grp order by starts_at, meeting_id) as pos
          from (
            select a.member_id, a.meeting_id, a.status as st, m.starts_at, m.ends_at,
              row_number() over (partition by a.member_id order by m.starts_at, m.id)
                - row_number() over (partition by a.member_id, ${isValue(sql`a.status`, unexcusedAbsenceStatus)} order by m.starts_at, m.id) as grp
            from meeting_attendances a join nat_m m on m.id = a.meeting_id
            where ${isValue(sql`m.status`, heldMeetingStatus)} and ${isNotValue(sql`a.status`, skippedInAbsenceRun)}) h
          where ${isValue(sql`st`, unexcusedAbsenceStatus)}) r
        where pos >= ${reg213LifeRules.consecutiveUnexcusedAbsencesToReport}::int`,
  );
}

/** Status at "now" of a warning with a deadline: open until it passes, then resolved, escalated or withdrawn. */
function warningOutcome(today: string): SQL {
  const to = (action: WarningAction) => literal(warningTransition(action).to);
  return sql`(case when deadline >= ${today}::date then ${literal(newWarningStatus)} when r < 0.55 then ${to('resolve')}
    when r < 0.9 then ${to('escalate')} else ${to('withdraw')} end)::warning_status`;
}

async function seedWarnings(ctx: ProvinceContext): Promise<void> {
  // A warning after the first report of a run, or a reminder about local rules; 30 or 60 days to put it right.
  await tempTable(
    ctx,
    'nat_warn',
    sql`select y.*, ${warningOutcome(ctx.today)} as st from (select *, ${vnAt(sql`deadline + 1`, '01:00')} as due_at from (
          select al.member_id, m.cell_id, 'warning'::warning_kind as kind,
            'Vắng sinh hoạt không có lý do ' || al.consecutive || ' lần liên tiếp' as reason,
            least(al.created_at + ${days('2 + 8 * random()')}, ${ctx.now}) as created_at, random() as r
          from attendance_alerts al join nat_m m on m.id = al.meeting_id
          where al.consecutive = ${reg213LifeRules.consecutiveUnexcusedAbsencesToReport}::int and random() < 0.6
          union all
          select w.id, w.area_cell_id, 'reminder', ${pick(WARNING_REASONS, 'w.r_other')},
            least(${vnAt(sql`make_date(y, 1, 1) + floor(random() * 360)::int`, '09:00')}, ${ctx.now}), random()
          from nat_w w cross join unnest(${`{${ctx.years.join(',')}}`}::int[]) y
          where w.placed_at is not null and random() < 0.006) x
        cross join lateral (select ${vnDateOf(sql`created_at`)} + case kind when 'warning' then 30 else 60 end as deadline) d) y`,
  );
  await run(
    ctx,
    sql`insert into member_warnings (member_id, cell_id, kind, reason, deadline, status, member_reply, replied_at, resolution, escalated_at,
          closed_at, created_at)
        select member_id, cell_id, kind, reason, deadline, st,
          case when r < 0.4 then 'Tôi xin tiếp thu, sẽ khắc phục.' end, case when r < 0.4 then least(created_at + interval '3 days', ${ctx.now}) end,
          case when ${isValue(sql`st`, warningTransition('resolve').to)} then 'Đảng viên đã khắc phục, chi ủy ghi nhận.' end,
          case when ${isValue(sql`st`, warningTransition('escalate').to)} then least(due_at, ${ctx.now}) end,
          case when ${oneOf(sql`st`, [warningTransition('resolve').to, warningTransition('withdraw').to])} then due_at - interval '5 days' end, created_at
        from nat_warn`,
  );
}

const ACTIVITY_KINDS = ACTIVITIES.map(([k]) => k);
const ACTIVITY_TITLES = ACTIVITIES.map(([, t]) => t);

async function seedActivities(ctx: ProvinceContext): Promise<void> {
  const to = (action: ContributionAction) => literal(contributionTransition(action).to);
  // One or two campaigns per cell and year, started by today in the current year.
  const span = sql`case when y = ${ctx.year}::int then ${ctx.today}::date - make_date(y, 1, 1) else 360 end`;
  await tempTable(
    ctx,
    'nat_act',
    sql`select gen_random_uuid() as id, cell_id, y, 1 + floor(r_kind * ${ACTIVITY_KINDS.length})::int as kind_ix,
          make_date(y, 1, 1) + floor(r_day * ${span})::int as starts_on, floor(r_kind * 997)::int % 21 as length
        from (select a.cell_id, y, g, random() as r_kind, random() as r_day, random() as r_take
              from nat_areas a cross join unnest(${`{${ctx.years.join(',')}}`}::int[]) y cross join generate_series(1, 2) g) s
        where (g = 1 or r_take < 0.5) and ${span} > 0`,
  );
  await run(
    ctx,
    sql`insert into activities (id, unit_id, kind, title, description, starts_on, ends_on, created_at)
        select id, cell_id, ((${textArray(ACTIVITY_KINDS)})[kind_ix])::activity_kind, (${textArray(ACTIVITY_TITLES)})[kind_ix] || ' năm ' || y,
          'Chi bộ phối hợp Ban công tác Mặt trận vận động nhân dân cùng tham gia.', starts_on, starts_on + length,
          least(${vnAt(sql`starts_on - 7`, '08:00')}, ${ctx.now})
        from nat_act`,
  );
  const money = sql`kind_ix in (${sql.raw(String(ACTIVITY_KINDS.indexOf('relief') + 1))}, ${sql.raw(String(ACTIVITY_KINDS.indexOf('other') + 1))})`;
  await run(
    ctx,
    sql`insert into activity_contributions (activity_id, member_id, role, work_days, money_vnd, status, decided_at, created_at)
        select id, member_id, (case when r < 0.05 then 'led' when r < 0.15 then 'mobilised' else 'took_part' end)::contribution_role,
          case when not ${money} then round((0.5 + r2 * 2.5) * 2) / 2 end,
          case when ${money} or r2 < 0.3 then (1 + floor(r2 * 20)::int) * 50000 end, st,
          case when ${isNotValue(sql`st`, contributionTransition('propose').to)} then least(${vnAt(sql`starts_on + length + 2`, '10:00')}, ${ctx.now}) end,
          least(${vnAt(sql`starts_on + 1`, '20:00')}, ${ctx.now})
        from (
          select a.id, a.kind_ix, a.starts_on, a.length, w.id as member_id, random() as r, random() as r2,
            (case when a.starts_on > ${ctx.today}::date - 14 and random() < 0.5 then ${to('propose')}
              when random() < 0.9 then ${to('confirm')} when random() < 0.5 then ${to('propose')} else ${to('reject')} end)::contribution_status as st
          from nat_act a join nat_w w on w.area_cell_id = a.cell_id and w.placed_at < ${vnAt(sql`a.starts_on`, '00:00')}
          where random() < 0.35) c`,
  );
}
