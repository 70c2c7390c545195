import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import type { Compliance, MemberRecord } from '../../../shared/contracts/meetings';
import { trailingUnexcused, type AttendanceStatus } from '../../../shared/rules/residence-rules';
import { halfYearDays, vnHalfYear, vnYear } from '../../../shared/rules/vietnam-calendar';
import { vnDateOf, vnYearOf } from '../../db/vietnam-calendar-sql';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { memberReadScope } from '../../http/access';
import { members } from '../../db/schema';
import { reg213LifeRules } from '../../../shared/rules/residence-rules';
import type { MeetingDeps } from './meetings.service';

/** Compliance per cell (Art. 4.3: meetings per half-year) and each member's attendance record (Art. 4.4). */

export async function cellCompliance(
  deps: MeetingDeps,
  actor: Actor,
  unitId: string | undefined,
  year?: number,
): Promise<Compliance> {
  const rules = deps.rules ?? reg213LifeRules;
  const id =
    unitId ??
    actor.grants.find(
      (g) =>
        g.unitId &&
        (g.role === 'cell_secretary' || g.role === 'committee_officer' || g.role === 'front_head'),
    )?.unitId;
  if (!id) throw new NotFound('meetings_no_unit');
  const [unit] = await queryRows<{ id: string; name: string; path: string }>(
    deps.db,
    sql`select id, name, path::text as path from org_units where id = ${id}`,
  );
  const reach =
    isAdmin(actor) ||
    grantsWith(actor, 'cell_secretary', 'committee_officer', 'front_head').some(
      (g) => unit && (unit.path === g.unitPath || unit.path.startsWith(`${g.unitPath}.`)),
    );
  if (!unit || !reach) throw new NotFound();
  const now = deps.clock.now();
  const current = vnHalfYear(now);
  const startedOn = vnDateOf(sql`mt.starts_at`);
  const startedIn = vnYearOf(sql`mt.starts_at`);
  const y = year ?? current.year;
  const first = halfYearDays({ year: y, half: 1 });
  const second = halfYearDays({ year: y, half: 2 });
  const rows = await queryRows<{
    cellId: string;
    cellName: string;
    workingMembers: number;
    held1: number;
    held2: number;
    invited: number;
    attended: number;
  }>(
    deps.db,
    sql`select c.id as "cellId", c.name as "cellName",
          (select count(*)::int from members mb join org_units wc on wc.id = mb.cell_id
            where mb.residence_cell_id = c.id and mb.status = 'active' and wc.type = 'workplace_cell') as "workingMembers",
          (select count(*)::int from meetings mt where mt.cell_id = c.id and mt.status = 'held' and mt.kind = 'regular'
            and ${startedOn} between ${first.from}::date and ${first.to}::date) as held1,
          (select count(*)::int from meetings mt where mt.cell_id = c.id and mt.status = 'held' and mt.kind = 'regular'
            and ${startedOn} between ${second.from}::date and ${second.to}::date) as held2,
          (select count(*)::int from meeting_attendances a join meetings mt on mt.id = a.meeting_id
            where mt.cell_id = c.id and mt.status = 'held' and ${startedIn} = ${y}
              and a.status not in ('excused_exempt', 'unrecorded')) as invited,
          (select count(*)::int from meeting_attendances a join meetings mt on mt.id = a.meeting_id
            where mt.cell_id = c.id and mt.status = 'held' and ${startedIn} = ${y}
              and a.status in ('present', 'late')) as attended
        from org_units c
        where c.type = 'residential_cell' and c.status = 'active' and c.path <@ ${unit.path}::ltree
        order by c.name limit 1000`,
  );
  const state = (half: 1 | 2, held: number) => {
    if (held >= rules.regularMeetingsPerHalfYear) return 'met' as const;
    if (y < current.year || (y === current.year && half < current.half)) return 'missed' as const;
    if (y === current.year && half === current.half) return 'open' as const;
    return 'future' as const;
  };
  return {
    year: y,
    unitId: unit.id,
    unitName: unit.name,
    cells: rows.map((r) => ({
      cellId: r.cellId,
      cellName: r.cellName,
      workingMembers: r.workingMembers,
      halves: [
        {
          half: 1 as const,
          held: r.held1,
          required: rules.regularMeetingsPerHalfYear,
          state: state(1, r.held1),
        },
        {
          half: 2 as const,
          held: r.held2,
          required: rules.regularMeetingsPerHalfYear,
          state: state(2, r.held2),
        },
      ],
      attendanceRate: r.invited ? Math.round((r.attended / r.invited) * 1000) / 10 : null,
    })),
  };
}

/** A member's attendance over a year: the evidence the yearly evaluation will show next to the criteria. */
export async function memberRecord(
  deps: MeetingDeps,
  actor: Actor,
  memberId: string,
  year?: number,
): Promise<MemberRecord> {
  const [m] = await queryRows<{ id: string; fullName: string }>(
    deps.db,
    sql`select ${members.id} as id, ${members.fullName} as "fullName" from ${members} where ${members.id} = ${memberId} and ${memberReadScope(actor)}`,
  );
  if (!m) throw new NotFound();
  const y = year ?? vnYear(deps.clock.now());
  const rows = await queryRows<{
    meetingId: string;
    title: string;
    startsAt: string;
    cellName: string;
    status: AttendanceStatus;
    reason: string | null;
  }>(
    deps.db,
    sql`select mt.id as "meetingId", mt.title, mt.starts_at as "startsAt", c.name as "cellName", a.status, a.reason
        from meeting_attendances a join meetings mt on mt.id = a.meeting_id join org_units c on c.id = a.unit_id
        where a.member_id = ${memberId} and mt.status = 'held' and ${vnYearOf(sql`mt.starts_at`)} = ${y}
        order by mt.starts_at, mt.id`,
  );
  const counted = rows.filter((r) => r.status !== 'excused_exempt' && r.status !== 'unrecorded');
  const attended = counted.filter((r) => r.status === 'present' || r.status === 'late').length;
  return {
    memberId: m.id,
    fullName: m.fullName,
    year: y,
    invited: counted.length,
    attended,
    unexcused: counted.filter((r) => r.status === 'absent_unexcused').length,
    rate: counted.length ? Math.round((attended / counted.length) * 1000) / 10 : null,
    consecutiveUnexcused: trailingUnexcused(rows.map((r) => r.status)),
    meetings: rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt).toISOString() })),
  };
}
