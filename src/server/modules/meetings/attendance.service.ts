import type {
  AttendanceBody,
  AttendanceResult,
  CheckInBody,
  MeetingDetail,
} from '../../../shared/contracts/meetings';
import { canAttendance, excusedAbsenceStatus } from '../../../shared/rules/attendance';
import { heldMeetingStatus } from '../../../shared/rules/meeting';
import { checkInWindowOf, offlineScanProblem } from '../../../shared/rules/check-in-code';
import { checkInStatus } from '../../../shared/rules/residence-rules';
import type { Actor } from '../../http/actor';
import { Conflict, Invalid } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { reportAbsenceRuns } from './absences';
import {
  insertAttendanceAmendments,
  lockAttendanceRows,
  markSelfCheckIn,
  writeTicks,
} from './attendance.repository';
import { readCheckInCode } from './check-in-codes';
import {
  loadMeeting,
  minutesLocked,
  ownRow,
  requireManage,
  requireRecord,
  rulesOf,
  type MeetingDeps,
} from './meeting-context';
import { getMeeting } from './meeting-reads.service';

/**
 * Self check-in with the code of the QR shown at the meeting: only the logged-in member's own row, only
 * inside the window; a second scan changes nothing (one family member cannot check in another).
 *
 * Sent later from a phone that was offline (`scannedAt`), it counts at the scan time only if the QR's signed
 * code agrees with it: shown within minutes of that time, inside the window, not in the future (decision 0010);
 * the row then says it was checked in offline.
 */
export async function checkIn(
  deps: MeetingDeps,
  actor: Actor,
  id: string,
  body: CheckInBody,
): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    const row = await ownRow(tx, actor, m);
    const code = readCheckInCode(m, body.code);
    if (!code) throw new Invalid('meeting_checkin_bad_code');
    requireRecord('checkIn', m);
    const now = deps.clock.now();
    const rules = await rulesOf(tx, m);
    const offline = !!body.scannedAt;
    const at = body.scannedAt ? new Date(body.scannedAt) : now;
    if (offline) {
      // the messages test finds this call's keys by its text (src/server/i18n/messages.test.ts)
      // prettier-ignore
      const problem = offlineScanProblem({ scannedAt: at, codeSlot: code.slot, now, window: checkInWindowOf(m.startsAt, m.endsAt, rules) });
      if (problem) throw new Invalid(problem);
      if (minutesLocked(deps, m)) throw new Conflict('meeting_minutes_locked');
    }
    const status = checkInStatus(at, m.startsAt, m.endsAt, rules);
    if (!status) throw new Conflict('meeting_checkin_closed');
    // the same check-in sent twice (a queue retried after a lost answer) records once
    if (!canAttendance('selfCheckIn', row.status, status)) return;
    await markSelfCheckIn(tx, {
      meetingId: id,
      memberId: actor.memberId!,
      status,
      at,
      offline,
      userId: actor.userId,
      now,
    });
    await writeAudit(tx, actor, {
      action: 'meeting.check_in',
      entityType: 'meeting',
      entityId: id,
      unitId: m.cellId,
      before: { status: row.status },
      after: {
        memberId: actor.memberId,
        status,
        ...(offline ? { offline: true, scannedAt: at.toISOString() } : {}),
      },
    });
  });
  return getMeeting(deps, actor, id);
}

/**
 * The tick list: one status per expected member; only members invited to this meeting. Ticks made offline
 * and synced later carry the row's version they were made on (`baseUpdatedAt`): a row changed on the server
 * since (a QR check-in, another committee member) keeps the server's value and is reported as overridden.
 */
export async function recordAttendance(
  deps: MeetingDeps,
  actor: Actor,
  id: string,
  body: AttendanceBody,
): Promise<AttendanceResult> {
  const overridden = await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    requireRecord('attendance', m);
    const now = deps.clock.now();
    const rules = await rulesOf(tx, m);
    if (now.getTime() < checkInWindowOf(m.startsAt, m.endsAt, rules).opens.getTime())
      throw new Conflict('meeting_not_started');
    const locked = minutesLocked(deps, m);
    if (locked && !body.amendmentReason)
      throw new Invalid('validation_failed', { amendmentReason: 'meetings.amendmentReasonRequired' });
    const ids = body.rows.map((r) => r.memberId);
    if (new Set(ids).size !== ids.length)
      throw new Invalid('validation_failed', { rows: 'meetings.duplicateMember' });
    const current = await lockAttendanceRows(tx, id, ids);
    // A meeting cannot be recorded for members outside the cell's invitation list.
    if (current.length !== ids.length) throw new Invalid('meeting_member_not_invited');
    const missingReason = body.rows.find((r) => r.status === excusedAbsenceStatus && !r.reason);
    if (missingReason) throw new Invalid('validation_failed', { rows: 'meetings.reasonRequired' });
    const byId = new Map(current.map((c) => [c.memberId, c]));
    const differs = body.rows.filter(
      (r) =>
        byId.get(r.memberId)!.status !== r.status ||
        (byId.get(r.memberId)!.reason ?? null) !== (r.reason ?? null),
    );
    // the same sync sent twice changes nothing the second time, so it is not a conflict either
    const stale = differs.filter(
      (r) =>
        r.baseUpdatedAt && byId.get(r.memberId)!.updatedAt.getTime() > new Date(r.baseUpdatedAt).getTime(),
    );
    const changed = differs.filter(
      (r) => !stale.includes(r) && canAttendance('tick', byId.get(r.memberId)!.status, r.status),
    );
    if (changed.length === 0) return stale.map((r) => r.memberId);
    await writeTicks(tx, {
      meetingId: id,
      rows: changed.map((r) => ({ memberId: r.memberId, status: r.status, reason: r.reason ?? null })),
      userId: actor.userId,
      now,
    });
    if (locked)
      await insertAttendanceAmendments(tx, {
        meetingId: id,
        changes: changed.map((r) => ({
          memberId: r.memberId,
          before: byId.get(r.memberId)!.status,
          after: r.status,
        })),
        reason: body.amendmentReason!,
        userId: actor.userId,
      });
    await writeAudit(
      tx,
      actor,
      changed.map((r) => ({
        action: locked ? 'meeting.attendance_amended' : 'meeting.attendance',
        entityType: 'meeting',
        entityId: id,
        unitId: m.cellId,
        before: { memberId: r.memberId, status: byId.get(r.memberId)!.status },
        after: {
          memberId: r.memberId,
          status: r.status,
          reason: r.reason ?? null,
          amendmentReason: body.amendmentReason ?? null,
        },
      })),
    );
    if (m.status === heldMeetingStatus) await reportAbsenceRuns(tx, id, rules);
    return stale.map((r) => r.memberId);
  });
  return { ...(await getMeeting(deps, actor, id)), overridden };
}
