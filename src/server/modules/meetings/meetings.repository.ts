import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { CreateMeetingBody } from '../../../shared/contracts/meetings';
import type { MeetingStatus } from '../../../shared/rules/meeting';

/** Queries of scheduling a meeting (the rules are in meetings.service.ts). */

export interface CellForMeeting {
  id: string;
  type: string;
  status: string;
  name: string;
  /** whether the actor runs this cell's meetings (`manageScope` on the cell's id) */
  allowed: boolean;
}

export async function findCellForMeeting(db: Executor, cellId: string, manageScope: SQL): Promise<CellForMeeting | undefined> {
  const [cell] = await queryRows<CellForMeeting>(
    db,
    sql`select c.id, c.type, c.status, c.name, ${manageScope} as allowed from org_units c where c.id = ${cellId}`,
  );
  return cell;
}

export interface NewMeeting {
  body: CreateMeetingBody;
  status: MeetingStatus;
  /** set when it is entered as held: when it took place, and when its minutes lock */
  heldAt: string | null;
  minutesLockAt: string | null;
  createdBy: string;
}

/** The new meeting's id; null when the cell already has this meeting (index meetings_natural_key, issue 12). */
export async function insertMeeting(db: Executor, m: NewMeeting): Promise<string | null> {
  const b = m.body;
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into meetings (cell_id, kind, title, starts_at, ends_at, place, agenda, topics, status, held_at, minutes_lock_at, check_in_code, created_by)
        values (${b.cellId}, ${b.kind}, ${b.title}, ${b.startsAt}::timestamptz, ${b.endsAt}::timestamptz, ${b.place},
          ${b.agenda ?? null}, ${JSON.stringify(b.topics)}::jsonb, ${m.status}, ${m.heldAt}::timestamptz, ${m.minutesLockAt}::timestamptz,
          ${randomBytes(12).toString('base64url')}, ${m.createdBy})
        on conflict do nothing returning id`,
  );
  return row?.id ?? null;
}

export interface MeetingKeyRow {
  id: string;
  kind: string;
  endsAt: string;
  place: string;
  agenda: string | null;
  topics: unknown;
}

/** The cell's meeting, not cancelled, at this start with this title: what a second scheduling of it repeats. */
export async function findMeetingByKey(db: Executor, b: Pick<CreateMeetingBody, 'cellId' | 'startsAt' | 'title'>): Promise<MeetingKeyRow | null> {
  const [row] = await queryRows<MeetingKeyRow>(
    db,
    sql`select id, kind, ends_at as "endsAt", place, agenda, topics from meetings
        where cell_id = ${b.cellId} and starts_at = ${b.startsAt}::timestamptz and title = ${b.title} and status <> 'cancelled'`,
  );
  return row ?? null;
}

/**
 * One attendance row per working member placed in the cell (the members it meets, Art. 4.3), exempt members
 * pre-marked as excused; the others start unrecorded.
 */
export async function addExpectedMembers(db: Executor, meetingId: string, cellId: string): Promise<string[]> {
  const rows = await queryRows<{ memberId: string }>(
    db,
    sql`insert into meeting_attendances (meeting_id, member_id, unit_id, status)
        select ${meetingId}, mb.id, ${cellId}, (case when mb.category = 'exempt' then 'excused_exempt' else 'unrecorded' end)::attendance_status
        from members mb join org_units wc on wc.id = mb.cell_id
        where mb.residence_cell_id = ${cellId} and mb.status = 'active' and wc.type = 'workplace_cell'
        returning member_id as "memberId"`,
  );
  return rows.map((r) => r.memberId);
}
