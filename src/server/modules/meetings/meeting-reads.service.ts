import type { AttendanceRow, CheckInWindow, MeetingDetail } from '../../../shared/contracts/meetings';
import { checkInWindowOf } from '../../../shared/rules/check-in-code';
import type { MeetingStatus } from '../../../shared/rules/meeting';
import { attendingRsvp, declinedRsvp } from '../../../shared/rules/meeting-rsvp';
import { attended } from '../../../shared/rules/residence-rules';
import type { Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../db/member-sql';
import { timedCheckInCodes } from './check-in-codes';
import { meetingReadScope } from './meetings.access';
import { loadMeeting, rulesOf, type MeetingDeps } from './meeting-context';
import { isAscending, meetingWhenSql, type MeetingWhen } from './meeting-queues';
import {
  listMeetingRows,
  meetingAttachments,
  meetingAttendance,
  meetingContributions,
  memberMeetingRows,
  minutesAmendments,
  type AttendanceDbRow,
} from './meeting-reads.repository';

/** Reading meetings: one meeting with its register and minutes, the lists, the member's own meetings. */

function toRow(r: AttendanceDbRow): AttendanceRow {
  return {
    ...r,
    checkedInAt: r.checkedInAt ? new Date(r.checkedInAt).toISOString() : null,
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

const iso = (v: string | Date) => new Date(v).toISOString();

const windowFields = (w: { opens: Date; closes: Date }): CheckInWindow => ({
  checkInOpensAt: w.opens.toISOString(),
  checkInClosesAt: w.closes.toISOString(),
});

/** The self check-in window under the meeting's rule set (rule sets are cached: no query per row). */
async function windowOf(
  deps: MeetingDeps,
  m: { ruleSetId: string; startsAt: string | Date; endsAt: string | Date },
) {
  const rules = await rulesOf(deps.db, m);
  return windowFields(checkInWindowOf(new Date(m.startsAt), new Date(m.endsAt), rules));
}

export async function getMeeting(deps: MeetingDeps, actor: Actor, id: string): Promise<MeetingDetail> {
  const m = await loadMeeting(deps.db, actor, id);
  const [attendance, contributions, amendments, attachments] = await Promise.all([
    meetingAttendance(deps.db, id),
    meetingContributions(deps.db, id),
    minutesAmendments(deps.db, id),
    meetingAttachments(deps.db, id),
  ]);
  const rows = attendance.map(toRow);
  // Members see only their own row; managers and readers of the cell see the register.
  const visibleRows =
    m.canManage || actor.grants.some((g) => g.role !== 'member')
      ? rows
      : rows.filter((r) => r.memberId === actor.memberId);
  const now = deps.clock.now();
  const window = checkInWindowOf(m.startsAt, m.endsAt, await rulesOf(deps.db, m));
  return {
    id: m.id,
    cellId: m.cellId,
    cellName: m.cellName,
    kind: m.kind,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    status: m.status,
    ...windowFields(window),
    invited: rows.length,
    attending: rows.filter((r) => r.rsvp === attendingRsvp).length,
    notAttending: rows.filter((r) => r.rsvp === declinedRsvp).length,
    present: rows.filter((r) => attended(r.status)).length,
    agenda: m.agenda,
    topics: m.topics,
    heldAt: m.heldAt?.toISOString() ?? null,
    cancelReason: m.cancelReason,
    minutesSummary: m.minutesSummary,
    minutesDecisions: m.minutesDecisions,
    minutesLockAt: m.minutesLockAt?.toISOString() ?? null,
    minutesLocked: !!m.minutesLockAt && now > m.minutesLockAt,
    attendance: visibleRows,
    contributions: contributions.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
    amendments: amendments.map((a) => ({ ...a, at: iso(a.at) })),
    attachments: attachments.map((a) => ({ ...a, createdAt: iso(a.createdAt) })),
    checkInUrl: m.canManage
      ? `${deps.publicUrl.replace(/\/$/, '')}/meetings/${m.id}/check-in?code=${m.checkInCode}`
      : null,
    checkInCodes: m.canManage ? timedCheckInCodes(m.checkInKey, m.id, window) : null,
    canManage: m.canManage,
    mine: rows.find((r) => r.memberId === actor.memberId) ?? null,
    updatedAt: m.updatedAt.toISOString(),
  };
}

export async function listMeetings(
  deps: MeetingDeps,
  actor: Actor,
  query: { cellId?: string; when: MeetingWhen; status?: MeetingStatus; cursor?: string; limit: number },
) {
  const rows = await listMeetingRows(deps.db, {
    readScope: meetingReadScope(actor),
    when: meetingWhenSql(query.when, deps.clock.now()),
    cellId: query.cellId,
    status: query.status,
    ascending: isAscending(query.when),
    cursor: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = await Promise.all(
    rows.slice(0, query.limit).map(async ({ ruleSetId, ...r }) => ({
      ...r,
      startsAt: iso(r.startsAt),
      endsAt: iso(r.endsAt),
      ...(await windowOf(deps, { ruleSetId, startsAt: r.startsAt, endsAt: r.endsAt })),
    })),
  );
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.startsAt, id: last.id }) : null,
  };
}

/** Meetings the member is invited to (their own view). */
export async function myMeetings(deps: MeetingDeps, actor: Actor) {
  if (!actor.memberId) throw new NotFound('meeting_members_only');
  const rows = await memberMeetingRows(deps.db, actor.memberId, 100);
  return Promise.all(
    rows.map(async ({ ruleSetId, ...r }) => ({
      ...r,
      startsAt: iso(r.startsAt),
      endsAt: iso(r.endsAt),
      checkedInAt: r.checkedInAt ? iso(r.checkedInAt) : null,
      ...(await windowOf(deps, { ruleSetId, startsAt: r.startsAt, endsAt: r.endsAt })),
    })),
  );
}
