import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { oneOf, uuidList as uuidArray } from '../../db/sql-values';
import type { RsvpBody } from '../../../shared/contracts/meetings';
import { attendedStatuses } from '../../../shared/rules/attendance';
import { attendingRsvp, type RsvpAnswer } from '../../../shared/rules/meeting-rsvp';
import type { AttendanceStatus } from '../../../shared/rules/residence-rules';

/** Queries of the meeting's list: the invitee's answer, check-in and the tick list (the rules are in the services). */

export async function findOwnAttendance(db: Executor, meetingId: string, memberId: string) {
  const [row] = await queryRows<{ status: AttendanceStatus; rsvp: RsvpAnswer | null }>(
    db,
    sql`select status, rsvp from meeting_attendances where meeting_id = ${meetingId} and member_id = ${memberId} for update`,
  );
  return row;
}

export async function writeRsvp(
  db: Executor,
  r: { meetingId: string; memberId: string; body: RsvpBody; now: Date },
): Promise<void> {
  const { body } = r;
  await db.execute(sql`update meeting_attendances set rsvp = ${body.rsvp}, rsvp_reason = ${body.rsvp === attendingRsvp ? null : (body.reason ?? null)},
      rsvp_at = ${r.now.toISOString()}::timestamptz, updated_at = ${r.now.toISOString()}::timestamptz
      where meeting_id = ${r.meetingId} and member_id = ${r.memberId}`);
}
const textArray = (values: (string | null)[]) =>
  sql`${`{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`}::text[]`;

export async function markSelfCheckIn(
  db: Executor,
  r: {
    meetingId: string;
    memberId: string;
    status: 'present' | 'late';
    at: Date;
    offline: boolean;
    userId: string;
    now: Date;
  },
): Promise<void> {
  await db.execute(sql`update meeting_attendances set status = ${r.status}, method = 'self_qr', checked_in_at = ${r.at.toISOString()}::timestamptz,
      checked_in_offline = ${r.offline}, recorded_by = ${r.userId}, updated_at = ${r.now.toISOString()}::timestamptz
    where meeting_id = ${r.meetingId} and member_id = ${r.memberId}`);
}

export interface TickedRow {
  memberId: string;
  status: AttendanceStatus;
  reason: string | null;
  updatedAt: Date;
}

/** The rows of these members on the meeting's list, locked for the change. */
export async function lockAttendanceRows(
  db: Executor,
  meetingId: string,
  memberIds: string[],
): Promise<TickedRow[]> {
  const rows = await queryRows<Omit<TickedRow, 'updatedAt'> & { updatedAt: string | Date }>(
    db,
    sql`select member_id as "memberId", status, reason, updated_at as "updatedAt" from meeting_attendances
        where meeting_id = ${meetingId} and member_id = any(${uuidArray(memberIds)}) for update`,
  );
  return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) }));
}

export async function writeTicks(
  db: Executor,
  t: {
    meetingId: string;
    rows: { memberId: string; status: string; reason: string | null }[];
    userId: string;
    now: Date;
  },
): Promise<void> {
  const now = t.now.toISOString();
  await db.execute(sql`update meeting_attendances a set status = v.status::attendance_status, reason = v.reason, method = 'secretary',
      recorded_by = ${t.userId}, updated_at = ${now}::timestamptz, checked_in_offline = false,
      checked_in_at = case when ${oneOf(sql`v.status`, attendedStatuses)} then coalesce(a.checked_in_at, ${now}::timestamptz) else null end
    from unnest(${uuidArray(t.rows.map((r) => r.memberId))}, ${textArray(t.rows.map((r) => r.status))},
      ${textArray(t.rows.map((r) => r.reason))}) as v(member_id, status, reason)
    where a.meeting_id = ${t.meetingId} and a.member_id = v.member_id`);
}

export async function insertAttendanceAmendments(
  db: Executor,
  a: {
    meetingId: string;
    changes: { memberId: string; before: string; after: string }[];
    reason: string;
    userId: string;
  },
): Promise<void> {
  await db.execute(sql`insert into minutes_amendments (meeting_id, field, before, after, reason, created_by)
    select ${a.meetingId}, 'attendance:' || v.member_id, v.before, v.after, ${a.reason}, ${a.userId}
    from unnest(${uuidArray(a.changes.map((c) => c.memberId))}, ${textArray(a.changes.map((c) => c.before))},
      ${textArray(a.changes.map((c) => c.after))}) as v(member_id, before, after)`);
}
