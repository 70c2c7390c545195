import { sql, type SQL } from 'drizzle-orm';
import {
  attendedStatuses,
  excusedAbsenceStatus,
  expectedAttendanceStatus,
  unexcusedAbsenceStatus,
} from '../../../../shared/rules/attendance';
import {
  cancelledMeetingStatus,
  heldMeetingStatus,
  meetingTransition,
} from '../../../../shared/rules/meeting';
import type { AttendanceStatus } from '../../../../shared/rules/residence-rules';
import { reg213LifeRules } from '../../reference-data';
import { isNotValue, isValue, literal, oneOf } from '../../sql-values';
import { pick } from '../sql-picks';
import { countOf, days, run, tempTable, vnAt, type ProvinceContext } from './context';
import { ABSENCE_REASONS, CANCEL_REASONS, EXTRAORDINARY_TITLES, MEETING_TOPICS } from './vocab';

/**
 * Art. 4.3: every residential cell meets its working members once per half-year — over Y-2 … Y, two regular
 * meetings a year (future ones scheduled), ~4 % of cell-halves with no meeting and ~4 % with a cancelled one,
 * and an extraordinary meeting in a quarter of the cell-years. One attendance row per working member placed in
 * the cell when the meeting was scheduled (the meeting's cell as unit_id), statuses as recorded in practice.
 * Past half-years without a held regular meeting are flagged to the commune (cell_compliance_alerts).
 */
const MISSED = 0.04;
const CANCELLED = 0.08;
/** A meeting still ahead. */
const SCHEDULED = meetingTransition('schedule').to;
const HELD = isValue(sql`status`, heldMeetingStatus);
const MEETING_AHEAD = isValue(sql`meeting_status`, SCHEDULED);
// The attendance row planned for an invitee (st).
const ATTENDED = oneOf(sql`st`, attendedStatuses);
const EXCUSED = isValue(sql`st`, excusedAbsenceStatus);
const att = (status: AttendanceStatus) => literal(status);
const RECORDED = isNotValue(sql`st`, 'unrecorded' satisfies AttendanceStatus);

function halves(years: number[]): SQL {
  return sql.raw(`(values ${years.flatMap((y) => [`(${y}, 1)`, `(${y}, 2)`]).join(', ')}) h(y, h)`);
}

export async function seedMeetings(ctx: ProvinceContext): Promise<void> {
  const day = sql`make_date(y, case h when 1 then 1 else 7 end, 1) + floor(r_day * 170)::int`;
  const startsAt = sql`case when r_time < 0.6 then ${vnAt(day, '19:30')} else ${vnAt(day, '08:00')} end`;
  await tempTable(
    ctx,
    'nat_m',
    sql`with base as (
          select a.cell_id, a.lower_name, h.y, h.h, random() as r_miss, random() as r_day, random() as r_time, random() as r_topic
          from nat_areas a cross join ${halves(ctx.years)}),
        held as (
          select gen_random_uuid() as id, cell_id, lower_name, 'regular'::meeting_kind as kind, y, h, r_miss, r_topic, ${startsAt} as starts_at
          from base where r_miss >= ${MISSED}
          union all
          select gen_random_uuid(), cell_id, lower_name, 'extraordinary', y, h, 1, r_topic, ${startsAt} + interval '45 days'
          from base where h = 1 and r_day < 0.25)
        select held.*, starts_at + interval '2 hours' as ends_at,
          (case when r_miss < ${CANCELLED} then ${literal(cancelledMeetingStatus)} when starts_at + interval '2 hours' <= ${ctx.now} then ${literal(heldMeetingStatus)}
            else ${literal(SCHEDULED)} end)::meeting_status as status,
          least(starts_at - interval '14 days', ${ctx.now}) as created_at
        from held`,
  );
  await run(
    ctx,
    sql`insert into meetings (id, cell_id, kind, title, starts_at, ends_at, place, agenda, topics, status, check_in_code, held_at,
          minutes_summary, minutes_decisions, minutes_lock_at, cancel_reason, reminded_days, created_at, updated_at)
        select id, cell_id, kind,
          case when kind = 'regular' then 'Sinh hoạt với đảng viên đang công tác ' || case h when 1 then '6 tháng đầu năm ' else '6 tháng cuối năm ' end || y
            else ${pick(EXTRAORDINARY_TITLES, 'r_topic')} end,
          starts_at, ends_at, 'Nhà văn hóa ' || lower_name,
          'Thông báo tình hình địa phương; lấy ý kiến đảng viên về: ' || ${pick(MEETING_TOPICS, 'r_topic')},
          jsonb_build_array(jsonb_build_object('title', ${pick(MEETING_TOPICS, 'r_topic')}, 'directedTopicId', null)),
          status, translate(encode(gen_random_bytes(12), 'base64'), '+/', '-_'),
          case when ${HELD} then ends_at end,
          case when ${HELD} then 'Chi ủy thông báo tình hình kinh tế - xã hội, an ninh trật tự của khu dân cư; đảng viên đóng góp ý kiến.' end,
          case when ${HELD} then 'Thống nhất vận động nhân dân thực hiện: ' || ${pick(MEETING_TOPICS, 'r_topic')} end,
          case when ${HELD} then ends_at + ${days(String(reg213LifeRules.minutesLockDays))} end,
          case when ${isValue(sql`status`, cancelledMeetingStatus)} then ${pick(CANCEL_REASONS, 'r_topic')} end,
          case when ${isNotValue(sql`status`, SCHEDULED)} or starts_at < ${ctx.now} + interval '1 day' then '{3,1}'::integer[]
            when starts_at < ${ctx.now} + interval '3 days' then '{3}'::integer[] else '{}'::integer[] end,
          created_at, least(coalesce(ends_at + interval '1 day', created_at), ${ctx.now})
        from nat_m`,
  );
  for (const year of ctx.years) {
    await insertAttendance(ctx, year);
    ctx.progress(
      `meetings ${year}: attendance rows so far ${(await attendanceRows(ctx)).toLocaleString('en')}`,
    );
  }
  await flagMissedHalves(ctx);
}

async function attendanceRows(ctx: ProvinceContext): Promise<number> {
  return countOf(ctx, sql`meeting_attendances a join nat_m m on m.id = a.meeting_id`);
}

/** Present ~74 %, late ~5 %, excused ~10 %, unexcused ~8 %, the rest unrecorded; a member's habit repeats. */
async function insertAttendance(ctx: ProvinceContext, year: number): Promise<void> {
  await run(
    ctx,
    sql`with x as materialized (
          select m.id as meeting_id, w.id as member_id, m.cell_id, m.status as meeting_status, m.starts_at, m.ends_at, w.category,
            case when random() < 0.15 then w.habit else random() end as r, random() as r_rsvp, random() as r_time
          from nat_m m join nat_w w on w.area_cell_id = m.cell_id and w.placed_at < m.created_at
          where m.y = ${year}::int),
        s as (
          select x.*, (case when ${isNotValue(sql`meeting_status`, heldMeetingStatus)} then ${att('unrecorded')}
              when category = 'exempt' then ${att(expectedAttendanceStatus.exempt)}
              when r < 0.74 then ${att('present')} when r < 0.79 then ${att('late')} when r < 0.89 then ${att(excusedAbsenceStatus)}
              when r < 0.97 then ${att(unexcusedAbsenceStatus)} else ${att('unrecorded')} end)::attendance_status as st
          from x)
        insert into meeting_attendances (meeting_id, member_id, unit_id, rsvp, rsvp_reason, rsvp_at, status, reason, checked_in_at, method, updated_at)
        select meeting_id, member_id, cell_id,
          (case when ${ATTENDED} and r_rsvp < 0.3 then 'attending'
            when ${EXCUSED} and r_rsvp < 0.5 then 'not_attending'
            when ${MEETING_AHEAD} and r_rsvp < 0.3 then 'attending'
            when ${MEETING_AHEAD} and r_rsvp < 0.35 then 'not_attending' end)::rsvp,
          case when (${EXCUSED} and r_rsvp < 0.5) or (${MEETING_AHEAD} and r_rsvp >= 0.3 and r_rsvp < 0.35)
            then ${pick(ABSENCE_REASONS, 'r_time')} end,
          case when r_rsvp < 0.5 and (${RECORDED} or ${MEETING_AHEAD}) then least(starts_at - ${days('1 + 5 * r_rsvp')}, ${ctx.now}) end,
          st, case when ${EXCUSED} then ${pick(ABSENCE_REASONS, 'r_time')} end,
          case st when ${att('present')} then starts_at + ${days('(r_time * 25 - 10) / 1440')} when ${att('late')} then starts_at + ${days('(20 + r_time * 40) / 1440')} end,
          (case when ${ATTENDED} then case when r_time < 0.4 then 'self_qr' else 'secretary' end end)::check_in_method,
          least(case when ${isValue(sql`meeting_status`, heldMeetingStatus)} then ends_at + interval '1 hour' else starts_at - interval '14 days' end, ${ctx.now})
        from s`,
  );
}

/** Half-years already over in which a cell with working members held no regular meeting (Art. 4.3). */
async function flagMissedHalves(ctx: ProvinceContext): Promise<void> {
  const halfEnd = sql`(case h.h when 1 then make_date(h.y, 7, 1) else make_date(h.y + 1, 1, 1) end)`;
  await run(
    ctx,
    sql`insert into cell_compliance_alerts (cell_id, year, half, held, required, created_at)
        select a.cell_id, h.y, h.h, 0, ${reg213LifeRules.regularMeetingsPerHalfYear}::int, ${vnAt(sql`(${halfEnd})::date`, '01:00')}
        from nat_areas a cross join ${halves(ctx.years)}
        where ${halfEnd} <= ${ctx.today}::date
          and not exists (select 1 from nat_m m where m.cell_id = a.cell_id and m.y = h.y and m.h = h.h and m.kind = 'regular' and ${isValue(sql`m.status`, heldMeetingStatus)})
          and exists (select 1 from nat_w w where w.area_cell_id = a.cell_id and w.placed_at < ${vnAt(sql`(${halfEnd})::date`, '00:00')})`,
  );
}
