import type { MeetingDetail, RsvpBody } from '../../../shared/contracts/meetings';
import { isMeetingRepeat, meetingTransition } from '../../../shared/rules/meeting';
import type { Actor } from '../../http/actor';
import { Conflict } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { reportAbsenceRuns } from './absences';
import { writeRsvp } from './attendance.repository';
import {
  loadMeeting,
  minutesLockAfter,
  ownRow,
  requireManage,
  requireRecord,
  requireTransition,
  rulesOf,
  type MeetingDeps,
} from './meeting-context';
import { getMeeting } from './meeting-reads.service';
import { closeUnrecordedAttendance, writeHeld } from './meetings.repository';

/** Up to and at the meeting: the invitee's answer, then the secretary records that it took place. */

/** Will attend / cannot attend with a reason — until the meeting starts. */
export async function answerInvitation(
  deps: MeetingDeps,
  actor: Actor,
  id: string,
  body: RsvpBody,
): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    await ownRow(tx, actor, m);
    requireRecord('rsvp', m);
    const now = deps.clock.now();
    if (now >= m.startsAt) throw new Conflict('meeting_rsvp_closed');
    await writeRsvp(tx, { meetingId: id, memberId: actor.memberId!, body, now });
    await writeAudit(tx, actor, {
      action: 'meeting.rsvp',
      entityType: 'meeting',
      entityId: id,
      unitId: m.cellId,
      after: { memberId: actor.memberId, ...body },
    });
  });
  return getMeeting(deps, actor, id);
}

/** The secretary records that the meeting took place; minutes lock after the rule set's days. */
export async function holdMeeting(deps: MeetingDeps, actor: Actor, id: string): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    if (isMeetingRepeat('hold', m.status)) return;
    requireTransition('hold', m);
    const now = deps.clock.now();
    if (now < m.startsAt) throw new Conflict('meeting_not_started');
    const { to } = meetingTransition('hold');
    await writeHeld(tx, {
      id,
      to,
      heldAt: m.startsAt,
      lockAt: minutesLockAfter(await rulesOf(tx, m), m.endsAt),
      now,
    });
    // Nobody recorded is nobody present: the register never shows only those who came.
    await closeUnrecordedAttendance(tx, id, now);
    await writeAudit(tx, actor, {
      action: 'meeting.hold',
      entityType: 'meeting',
      entityId: id,
      unitId: m.cellId,
      before: { status: m.status },
      after: { status: to },
    });
    await reportAbsenceRuns(tx, id, await rulesOf(tx, m));
  });
  return getMeeting(deps, actor, id);
}
