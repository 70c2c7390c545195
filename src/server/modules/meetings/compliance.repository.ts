import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { members } from '../../db/schema';
import { isValue, oneOf } from '../../db/sql-values';
import { vnDateOf, vnYearOf } from '../../db/vietnam-calendar-sql';
import { attendedStatuses, uncountedAttendanceStatuses } from '../../../shared/rules/attendance';
import { heldMeetingStatus } from '../../../shared/rules/meeting';
import type { AttendanceStatus } from '../../../shared/rules/residence-rules';
import { halfYearDays, type HalfYear } from '../../../shared/rules/vietnam-calendar';
import { pathInSubtree } from '../../http/access';
import { activeMemberStatus, activeUnitStatus } from '../org-units/org-units.rules';

/** Queries of compliance per cell and of a member's attendance record (rules in compliance.service.ts). */

const heldMt = isValue(sql`mt.status`, heldMeetingStatus);

/** Working members placed in the residential cell `c.id` (the members it meets, Art. 4.3). */
export const workingMembersOfCell = sql`select 1 from members mb join org_units wc on wc.id = mb.cell_id
  where mb.residence_cell_id = c.id and ${isValue(sql`mb.status`, activeMemberStatus)} and wc.type = 'workplace_cell'`;

/** Regular meetings held by the cell `c.id` in the half-year. */
export function regularMeetingsHeldIn(h: HalfYear): SQL<number> {
  const { from, to } = halfYearDays(h);
  return sql<number>`(select count(*)::int from meetings mt where mt.cell_id = c.id and ${heldMt} and mt.kind = 'regular'
    and ${vnDateOf(sql`mt.starts_at`)} between ${from}::date and ${to}::date)`;
}

export async function findUnit(db: Executor, id: string) {
  const [unit] = await queryRows<{ id: string; name: string; path: string }>(
    db,
    sql`select id, name, path::text as path from org_units where id = ${id}`,
  );
  return unit;
}

/** Per active residential cell under `path`: working members, regular meetings held per half of `year`, attendance. */
export async function cellComplianceRows(db: Executor, path: string, year: number) {
  const heldIn = sql`mt.cell_id = c.id and ${heldMt} and ${vnYearOf(sql`mt.starts_at`)} = ${year}`;
  return queryRows<{
    cellId: string;
    cellName: string;
    workingMembers: number;
    held1: number;
    held2: number;
    invited: number;
    attended: number;
  }>(
    db,
    sql`select c.id as "cellId", c.name as "cellName",
          (select count(*)::int from (${workingMembersOfCell}) w) as "workingMembers",
          ${regularMeetingsHeldIn({ year, half: 1 })} as held1,
          ${regularMeetingsHeldIn({ year, half: 2 })} as held2,
          (select count(*)::int from meeting_attendances a join meetings mt on mt.id = a.meeting_id
            where ${heldIn} and not (${oneOf(sql`a.status`, uncountedAttendanceStatuses)})) as invited,
          (select count(*)::int from meeting_attendances a join meetings mt on mt.id = a.meeting_id
            where ${heldIn} and ${oneOf(sql`a.status`, attendedStatuses)}) as attended
        from org_units c
        where c.type = 'residential_cell' and ${isValue(sql`c.status`, activeUnitStatus)} and ${pathInSubtree(sql`c.path`, path)}
        order by c.name limit 1000`,
  );
}

export async function findReadableMember(db: Executor, memberId: string, readScope: SQL) {
  const [m] = await queryRows<{ id: string; fullName: string }>(
    db,
    sql`select ${members.id} as id, ${members.fullName} as "fullName" from ${members} where ${members.id} = ${memberId} and ${readScope}`,
  );
  return m;
}

/** The member's rows on the meetings held in `year`, oldest first. */
export async function memberAttendanceRows(db: Executor, memberId: string, year: number) {
  return queryRows<{
    meetingId: string;
    title: string;
    startsAt: string;
    cellName: string;
    status: AttendanceStatus;
    reason: string | null;
  }>(
    db,
    sql`select mt.id as "meetingId", mt.title, mt.starts_at as "startsAt", c.name as "cellName", a.status, a.reason
        from meeting_attendances a join meetings mt on mt.id = a.meeting_id join org_units c on c.id = a.unit_id
        where a.member_id = ${memberId} and ${heldMt} and ${vnYearOf(sql`mt.starts_at`)} = ${year}
        order by mt.starts_at, mt.id`,
  );
}
