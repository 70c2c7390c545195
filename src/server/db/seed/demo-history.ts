import { sql, type SQL } from 'drizzle-orm';
import { halfYearDays, vnHalfYear, vnYear, type HalfYear } from '../../../shared/rules/vietnam-calendar';
import { excusedAbsenceStatus, expectedAttendanceStatus } from '../../../shared/rules/attendance';
import { evaluationTransition, type DisputeOutcome } from '../../../shared/rules/evaluation';
import { heldMeetingStatus } from '../../../shared/rules/meeting';
import type { AttendanceStatus } from '../../../shared/rules/residence-rules';
import type { Executor } from '../client';
import { newAttendance, newMeeting, type AttendanceInput } from '../factories/meetings';
import { isValue, literal } from '../sql-values';
import { vnDateOf } from '../vietnam-calendar-sql';
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

const RATING_SETS = [
  '{"example":"good","civic":"leading","attendance":"full","contact":"regular_active","campaigns":"very_active","proposal":"none"}',
  '{"example":"yes","civic":"yes","attendance":"partial","contact":"regular","campaigns":"active","proposal":"none"}',
  '{"example":"good","civic":"yes","attendance":"full","contact":"regular","campaigns":"active","proposal":"commend"}',
  '{"example":"yes","civic":"yes","attendance":"none","contact":"irregular","campaigns":"not_active","proposal":"none"}',
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
  await seedPastEvaluations(tx, now);
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

/** The two past years' comments: requested, written, confirmed and released; the workplaces' classification. */
async function seedPastEvaluations(tx: Executor, now: Date): Promise<void> {
  const committee = sql`(select a.id from org_units a where a.path @> c.path and a.type = 'workplace_committee' order by a.depth desc limit 1)`;
  for (const year of [vnYear(now) - 2, vnYear(now) - 1]) {
    const opened = `${year}-11-01T02:00:00Z`;
    await tx.execute(sql`insert into evaluation_cycles (workplace_unit_id, year, rule_set_code, due_date, opened_at)
      select u.id, ${year}, 'reg-213-2020', ${`${year}-12-10`}::date, ${opened}::timestamptz from org_units u where u.type = 'workplace_committee'
      on conflict do nothing`);
    // one member in twelve got no comment that year (the backlog the seeds complain of)
    await tx.execute(sql`insert into evaluations (cycle_id, member_id, year, kind, rule_set_code, form_kind, workplace_unit_id, commune_id, cell_id,
        residence_area_id, due_date, status, requested_at, drafted_at, signed_at, confirmed_at, delivered_at, released_at, proposal, updated_at)
      select cy.id, m.id, ${year}, 'yearly', 'reg-213-2020', 'full', cy.workplace_unit_id, m.residence_commune_id, m.residence_cell_id,
        m.residence_area_id, cy.due_date, ${literal(evaluationTransition('release').to)}, cy.opened_at, cy.opened_at + interval '10 days', cy.opened_at + interval '14 days',
        cy.opened_at + interval '20 days', cy.opened_at + interval '20 days', cy.opened_at + interval '40 days',
        (${`{${RATING_SETS.map((r) => JSON.parse(r).proposal).join(',')}}`}::text[])[1 + abs(hashtext(m.card_number || ${String(year)})) % 4],
        cy.opened_at + interval '40 days'
      from members m join org_units c on c.id = m.cell_id and c.type = 'workplace_cell'
      join evaluation_cycles cy on cy.workplace_unit_id = ${committee} and cy.year = ${year}
      where ${isValue(sql`m.status`, activeMemberStatus)} and m.category = 'active' and m.residence_cell_id is not null
        and abs(hashtext(m.card_number || 'past' || ${String(year)})) % 12 <> 0`);
    await tx.execute(sql`insert into evaluation_versions (evaluation_id, version, ratings, joint_meeting_on, joint_meeting_participants,
        signer_name, signed_at, front_signer_name, front_signed_at, confirmer_name, confirmed_at, created_at, updated_at)
      select e.id, 1, (${`{${RATING_SETS.map((r) => `"${r.replace(/"/g, '\\"')}"`).join(',')}}`}::jsonb[])[1 + abs(hashtext(m.card_number || ${String(year)})) % 4],
        ${vnDateOf(sql`e.drafted_at`)}, 'Chi ủy chi bộ, Ban công tác Mặt trận khu dân cư', 'Bí thư chi bộ', e.signed_at,
        a.front_head_name, e.signed_at - interval '1 hour', 'Đảng ủy phường', e.confirmed_at, e.requested_at, e.released_at
      from evaluations e join members m on m.id = e.member_id
      left join org_units cl on cl.id = e.cell_id left join residential_areas a on a.id = cl.residential_area_id
      where e.year = ${year}`);
    // the workplace's own score (Reg. 366): mostly good, some excellent, a few only completed
    await tx.execute(sql`insert into workplace_classifications (member_id, year, score, level, updated_at)
      select e.member_id, ${year}, s.score, case when s.score >= 90 then 'excellent' when s.score >= 70 then 'good' when s.score >= 50 then 'completed' else 'not_completed' end,
        e.released_at
      from evaluations e cross join lateral (select 62 + abs(hashtext(e.member_id::text || ${String(year)})) % 36 as score) s
      where e.year = ${year} and e.kind = 'yearly'
      on conflict do nothing`);
    // a few members disputed the comment; the dialogue upheld it
    await tx.execute(sql`insert into evaluation_disputes (evaluation_id, version, reason, opened_at, status, dialogue_on, dialogue_participants, dialogue_notes, outcome, closed_at)
      select e.id, 1, 'Nhận xét chưa phản ánh đúng việc tham gia của tôi ở khu dân cư.', e.released_at + interval '3 days', 'closed',
        ${vnDateOf(sql`(e.released_at + interval '10 days')`)}, 'Đại diện đảng ủy nơi công tác, chi ủy chi bộ nơi cư trú', 'Hai bên thống nhất giữ nguyên nhận xét.', ${literal('upheld' satisfies DisputeOutcome)},
        e.released_at + interval '10 days'
      from evaluations e join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version
      where e.year = ${year} and v.ratings ->> 'attendance' = 'none' and abs(hashtext(e.id::text)) % 3 = 0`);
  }
}
