import { randomBytes } from 'node:crypto';
import { heldMeetingStatus } from '../../../shared/rules/meeting';
import type { AttendanceStatus } from '../../../shared/rules/residence-rules';
import type { Executor } from '../client';
import { meetingAttendances, meetings } from '../schema';
import { inBatches } from './sequence';

type MeetingInsert = typeof meetings.$inferInsert;
type AttendanceInsert = typeof meetingAttendances.$inferInsert;
const HOURS_2 = 2 * 3600_000;

/**
 * One invited member's row of a meeting: present (or late), absent with a reason (excused) or absent without
 * one, or any other status of the attendance table; the rest of the row as given (method, times, RSVP).
 */
export type AttendanceInput = Partial<Omit<AttendanceInsert, 'meetingId' | 'unitId'>> & {
  memberId: string;
  status: AttendanceStatus;
  reason?: string | null;
};

/** The per-person attendance of a meeting (unit = the meeting's cell). */
export async function newAttendance(
  db: Executor,
  meeting: { id: string; cellId: string },
  rows: readonly AttendanceInput[],
) {
  await inBatches(rows, (batch) =>
    db
      .insert(meetingAttendances)
      .values(
        batch.map((a) => ({ ...a, meetingId: meeting.id, unitId: meeting.cellId, reason: a.reason ?? null })),
      ),
  );
}

/** A meeting of a cell (held two hours after it starts, unless another status is given), with its attendance rows. */
export async function newMeeting(
  db: Executor,
  o: Partial<MeetingInsert> & { cellId: string; startsAt: Date; attendance?: readonly AttendanceInput[] },
) {
  const { attendance = [], ...rest } = o;
  const status = rest.status ?? heldMeetingStatus;
  const end = new Date(rest.startsAt.getTime() + HOURS_2);
  const [row] = await db
    .insert(meetings)
    .values({
      title: 'Sinh hoạt với đảng viên đang công tác',
      endsAt: end,
      place: 'Nhà văn hóa',
      checkInCode: randomBytes(8).toString('hex'),
      heldAt: status === heldMeetingStatus ? end : null,
      ...rest,
      status,
    })
    .returning();
  await newAttendance(db, row!, attendance);
  return row!;
}
