import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isNotValue, isValue, literal, oneOf, uuidList } from '../../db/sql-values';
import type { CreateMeetingBody, UpdateMeetingBody } from '../../../shared/contracts/meetings';
import { attendanceOnHold, expectedAttendanceStatus } from '../../../shared/rules/attendance';
import { cancelledMeetingStatus, type MeetingStatus } from '../../../shared/rules/meeting';
import { declinedRsvp } from '../../../shared/rules/meeting-rsvp';
import { activeMemberStatus } from '../org-units/org-units.rules';

/** Queries of scheduling a meeting (the rules are in meetings.service.ts). */

export interface CellForMeeting {
  id: string;
  type: string;
  status: string;
  name: string;
  /** whether the actor runs this cell's meetings (`manageScope` on the cell's id) */
  allowed: boolean;
}

export async function findCellForMeeting(
  db: Executor,
  cellId: string,
  manageScope: SQL,
): Promise<CellForMeeting | undefined> {
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
  /** the rule set in force on the meeting's day */
  ruleSetId: string;
  createdBy: string;
}

/** The new meeting's id; null when the cell already has this meeting (index meetings_natural_key, issue 12). */
export async function insertMeeting(db: Executor, m: NewMeeting): Promise<string | null> {
  const b = m.body;
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into meetings (cell_id, kind, title, starts_at, ends_at, place, agenda, topics, status, held_at, minutes_lock_at, check_in_code, rule_set_id, created_by)
        values (${b.cellId}, ${b.kind}, ${b.title}, ${b.startsAt}::timestamptz, ${b.endsAt}::timestamptz, ${b.place},
          ${b.agenda ?? null}, ${JSON.stringify(b.topics)}::jsonb, ${m.status}, ${m.heldAt}::timestamptz, ${m.minutesLockAt}::timestamptz,
          ${randomBytes(12).toString('base64url')}, ${m.ruleSetId}, ${m.createdBy})
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
export async function findMeetingByKey(
  db: Executor,
  b: Pick<CreateMeetingBody, 'cellId' | 'startsAt' | 'title'>,
): Promise<MeetingKeyRow | null> {
  const [row] = await queryRows<MeetingKeyRow>(
    db,
    sql`select id, kind, ends_at as "endsAt", place, agenda, topics from meetings
        where cell_id = ${b.cellId} and starts_at = ${b.startsAt}::timestamptz and title = ${b.title} and ${isNotValue(sql`status`, cancelledMeetingStatus)}`,
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
        select ${meetingId}, mb.id, ${cellId}, (case when mb.category = 'exempt' then ${literal(expectedAttendanceStatus.exempt)} else ${literal(expectedAttendanceStatus.other)} end)::attendance_status
        from members mb join org_units wc on wc.id = mb.cell_id
        where mb.residence_cell_id = ${cellId} and ${isValue(sql`mb.status`, activeMemberStatus)} and wc.type = 'workplace_cell'
        returning member_id as "memberId"`,
  );
  return rows.map((r) => r.memberId);
}

export interface MeetingRow {
  id: string;
  cellId: string;
  cellName: string;
  cellPath: string;
  kind: 'regular' | 'extraordinary';
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  agenda: string | null;
  topics: { title: string; directedTopicId: string | null }[];
  status: MeetingStatus;
  checkInCode: string;
  checkInKey: string;
  heldAt: Date | null;
  minutesSummary: string | null;
  minutesDecisions: string | null;
  minutesLockAt: Date | null;
  cancelReason: string | null;
  updatedAt: Date;
  canManage: boolean;
  /** whose life rules apply (check-in window, minutes lock, absence runs) */
  ruleSetId: string;
}

const d = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** The meeting (alias `mt`) if `readScope` holds, with `canManage` from `manageScope`; locked for a change when asked. */
export async function findMeeting(
  db: Executor,
  id: string,
  scopes: { readScope: SQL; manageScope: SQL },
  lock: boolean,
): Promise<MeetingRow | undefined> {
  const [row] = await queryRows<MeetingRow>(
    db,
    sql`select mt.id, mt.cell_id as "cellId", c.name as "cellName", c.path::text as "cellPath", mt.kind, mt.title,
          mt.starts_at as "startsAt", mt.ends_at as "endsAt", mt.place, mt.agenda, mt.topics, mt.status, mt.check_in_code as "checkInCode", mt.check_in_key as "checkInKey",
          mt.held_at as "heldAt", mt.minutes_summary as "minutesSummary", mt.minutes_decisions as "minutesDecisions",
          mt.minutes_lock_at as "minutesLockAt", mt.cancel_reason as "cancelReason", mt.updated_at as "updatedAt", mt.rule_set_id as "ruleSetId",
          ${scopes.manageScope} as "canManage"
        from meetings mt join org_units c on c.id = mt.cell_id
        where mt.id = ${id} and ${scopes.readScope} ${lock ? sql`for update of mt` : sql``}`,
  );
  if (!row) return undefined;
  return {
    ...row,
    startsAt: d(row.startsAt)!,
    endsAt: d(row.endsAt)!,
    heldAt: d(row.heldAt),
    minutesLockAt: d(row.minutesLockAt),
    updatedAt: d(row.updatedAt)!,
  };
}

/** Users (with active accounts) of the members invited to a meeting; `skipDeclined` leaves out those who cannot come. */
export async function inviteeUsers(db: Executor, meetingId: string, opts: { skipDeclined?: boolean } = {}) {
  const rows = await inviteeUsersOf(db, [meetingId], opts);
  return rows.map((r) => ({ userId: r.userId }));
}

/** The same for many meetings at once, each user with the meeting they are invited to. */
export async function inviteeUsersOf(
  db: Executor,
  meetingIds: string[],
  opts: { skipDeclined?: boolean } = {},
) {
  if (meetingIds.length === 0) return [];
  return queryRows<{ meetingId: string; userId: string }>(
    db,
    sql`select a.meeting_id as "meetingId", u.id as "userId" from meeting_attendances a join users u on u.member_id = a.member_id and u.is_active
        where a.meeting_id = any(${uuidList(meetingIds)}) ${opts.skipDeclined ? sql`and a.rsvp is distinct from ${literal(declinedRsvp)}` : sql``}`,
  );
}

export async function updateMeetingFields(
  db: Executor,
  id: string,
  changes: Omit<UpdateMeetingBody, 'expectedUpdatedAt'>,
  now: Date,
): Promise<void> {
  await db.execute(sql`update meetings set
      kind = coalesce(${changes.kind ?? null}::meeting_kind, kind), title = coalesce(${changes.title ?? null}, title),
      starts_at = coalesce(${changes.startsAt ?? null}::timestamptz, starts_at), ends_at = coalesce(${changes.endsAt ?? null}::timestamptz, ends_at),
      place = coalesce(${changes.place ?? null}, place),
      agenda = ${changes.agenda === undefined ? sql`agenda` : sql`${changes.agenda}`},
      topics = ${changes.topics === undefined ? sql`topics` : sql`${JSON.stringify(changes.topics)}::jsonb`},
      reminded_days = ${changes.startsAt ? sql`'{}'::integer[]` : sql`reminded_days`},
      updated_at = ${now.toISOString()}::timestamptz
    where id = ${id}`);
}

export async function writeCancelled(
  db: Executor,
  c: { id: string; to: MeetingStatus; reason: string; now: Date },
): Promise<void> {
  await db.execute(sql`update meetings set status = ${c.to}, cancel_reason = ${c.reason},
    updated_at = ${c.now.toISOString()}::timestamptz where id = ${c.id}`);
}

export async function writeHeld(
  db: Executor,
  h: { id: string; to: MeetingStatus; heldAt: Date; lockAt: Date; now: Date },
): Promise<void> {
  await db.execute(sql`update meetings set status = ${h.to}, held_at = ${h.heldAt.toISOString()}::timestamptz,
    minutes_lock_at = ${h.lockAt.toISOString()}::timestamptz, updated_at = ${h.now.toISOString()}::timestamptz where id = ${h.id}`);
}

/** Nobody recorded is nobody present: unrecorded rows close as excused (declined) or unexcused (silent). */
export async function closeUnrecordedAttendance(db: Executor, meetingId: string, now: Date): Promise<void> {
  const { silent, declined } = attendanceOnHold;
  await db.execute(sql`update meeting_attendances set status = ${literal(silent.to)}, updated_at = ${now.toISOString()}::timestamptz
    where meeting_id = ${meetingId} and ${oneOf(sql`status`, silent.from)} and rsvp is distinct from ${literal(declinedRsvp)}`);
  await db.execute(sql`update meeting_attendances set status = ${literal(declined.to)}, reason = coalesce(reason, rsvp_reason),
    updated_at = ${now.toISOString()}::timestamptz where meeting_id = ${meetingId} and ${oneOf(sql`status`, declined.from)} and ${isValue(sql`rsvp`, declinedRsvp)}`);
}
