import { sql, type SQL } from 'drizzle-orm';
import { halfYearDays, vnHalfYear, vnYear, type HalfYear } from '../../../shared/rules/vietnam-calendar';
import { excusedAbsenceStatus, expectedAttendanceStatus } from '../../../shared/rules/attendance';
import { heldMeetingStatus } from '../../../shared/rules/meeting';
import type { AttendanceStatus } from '../../../shared/rules/residence-rules';
import type { Executor } from '../client';
import { newAttendance, newMeeting, type AttendanceInput } from '../factories/meetings';
import { isValue, literal } from '../sql-values';
import { seedPastEvaluations } from './demo-past-evaluations';
import { activeMemberStatus, activeUnitStatus } from './seed-statuses';
import { textArray } from './sql-picks';

/**
 * The demo's past, so the dashboards show a real picture on first start: the regular meetings of every
 * residential cell in the half-years that are over (two years back; about one cell-half in ten missed),
 * per-person attendance of the working members placed there, and the released comments of the two past
 * years with the workplaces' classifications. Deterministic (hashes of codes and card numbers). The demo
 * member always attended; this year their cell has not met yet (it missed the first half), so the record
 * the browser tests and people trying the demo build is this year's alone. The current half-year is left open.
 */

const fill = (status: AttendanceStatus, n: number): AttendanceStatus[] => Array(n).fill(status);
/** A working member's attendance at a past meeting, drawn per person and meeting: mostly present. */
const DEMO_ATTENDANCE: readonly AttendanceStatus[] = [
  ...fill('present', 14),
  'late',
  ...fill('absent_excused', 2),
  ...fill('absent_unexcused', 2),
  'present',
];

function pastHalves(now: Date): HalfYear[] {
  const current = vnHalfYear(now);
  const out: HalfYear[] = [];
  for (let year = current.year - 2; year <= current.year; year++)
    for (const half of [1, 2] as const)
      if (year * 2 + half < current.year * 2 + current.half) out.push({ year, half });
  return out;
}

export async function seedDemoHistory(tx: Executor, now: Date): Promise<void> {
  const demoMember = sql`(select member_id from users where username = 'member')`;
  const demoCell = sql`(select residence_cell_id from members where id = ${demoMember})`;
  const current = vnYear(now);
  for (const h of pastHalves(now)) {
    const { from } = halfYearDays(h);
    // the 15th of the third month of the half, 19:30 in Vietnam
    const day = `${h.year}-${h.half === 1 ? '03' : '09'}-15`;
    const label = `${h.half === 1 ? '6 tháng đầu' : '6 tháng cuối'} năm ${h.year}`;
    const startsAt = new Date(`${day}T12:30:00Z`);
    const endsAt = new Date(`${day}T14:30:00Z`);
    const cells = await rows<{ id: string; place: string; code: string }>(
      tx,
      sql`select c.id, coalesce(c.meeting_place, 'Nhà văn hóa') as place, md5(c.id::text || ${from}) as code
      from org_units c
      where c.type = 'residential_cell' and ${isValue(sql`c.status`, activeUnitStatus)}
        and ${h.year < current ? sql`(abs(hashtext(c.code || ${from})) % 10 <> 0 or c.id = ${demoCell})` : sql`c.id <> ${demoCell} and abs(hashtext(c.code || ${from})) % 10 <> 0`}`,
    );
    for (const cell of cells) {
      const meeting = await newMeeting(tx, {
        cellId: cell.id,
        title: `Sinh hoạt với đảng viên đang công tác ${label}`,
        startsAt,
        endsAt,
        place: cell.place,
        agenda: 'Tình hình địa phương; lấy ý kiến đảng viên về các việc của khu dân cư.',
        status: heldMeetingStatus,
        checkInCode: cell.code,
        heldAt: endsAt,
        minutesSummary:
          'Chi bộ thông báo tình hình địa phương; đảng viên góp ý về vệ sinh môi trường và an ninh trật tự.',
        minutesLockAt: new Date(endsAt.getTime() + 7 * 86_400_000),
        createdAt: new Date(`${day}T00:00:00Z`),
        updatedAt: endsAt,
      });
      await newAttendance(tx, meeting, await pastAttendance(tx, meeting, demoMember));
    }
  }
  // the released comments of the two past years
  for (const year of [current - 2, current - 1]) await seedPastEvaluations(tx, year);
}

/** Who of the working members placed in the meeting's cell came, drawn per person and meeting (SQL hashes). */
async function pastAttendance(
  tx: Executor,
  meeting: { id: string; heldAt: Date | null },
  demoMember: SQL,
): Promise<AttendanceInput[]> {
  const picked = await rows<{ member_id: string; status: AttendanceStatus }>(
    tx,
    sql`select m.id as member_id, s.status
      from meetings mt join members m on m.residence_cell_id = mt.cell_id and ${isValue(sql`m.status`, activeMemberStatus)}
      join org_units wc on wc.id = m.cell_id and wc.type = 'workplace_cell'
      cross join lateral (select case
          when m.category = 'exempt' then ${literal(expectedAttendanceStatus.exempt)}
          when m.id = ${demoMember} then ${literal('present' satisfies AttendanceStatus)}
          else (${textArray(DEMO_ATTENDANCE)})[1 + abs(hashtext(m.card_number || mt.id::text)) % ${sql.raw(String(DEMO_ATTENDANCE.length))}]
        end as status) s
      where mt.id = ${meeting.id}`,
  );
  return picked.map((p) => ({
    memberId: p.member_id,
    status: p.status,
    reason: p.status === excusedAbsenceStatus ? 'Đi công tác' : null,
    method: 'secretary' as const,
    updatedAt: meeting.heldAt!,
  }));
}

async function rows<T>(tx: Executor, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}
