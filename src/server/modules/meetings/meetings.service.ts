import { sql } from 'drizzle-orm';
import type { CreateMeetingBody, MeetingDetail, UpdateMeetingBody } from '../../../shared/contracts/meetings';
import { heldMeetingStatus, isMeetingRepeat, meetingTransition } from '../../../shared/rules/meeting';
import {
  meetingEntryProblem,
  meetingTimesProblem,
  type MeetingTimeProblem,
} from '../../../shared/rules/meeting-schedule';
import { vnDateTime, vnDay } from '../../../shared/rules/vietnam-calendar';
import { lifeRulesOn } from '../rule-sets/rule-sets.service';
import type { Actor } from '../../http/actor';
import { Conflict, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { notifyEach, type Notice } from '../notifications/notifications.service';
import { activeUnitStatus } from '../org-units/org-units.rules';
import { cellManageScope } from './meetings.access';
import {
  loadMeeting,
  minutesLockAfter,
  requireManage,
  requireTransition,
  type MeetingDeps,
} from './meeting-context';
import { getMeeting } from './meeting-reads.service';
import {
  addExpectedMembers,
  findCellForMeeting,
  insertMeeting,
  inviteeUsers,
  updateMeetingFields,
  writeCancelled,
} from './meetings.repository';
import { existingMeeting } from './scheduling-keys';

/**
 * Scheduling a cell's meetings: entering one (ahead, or afterwards as held), changing it while it is ahead,
 * cancelling it; the invitees are told each time. Holding, the minutes, attendance and reading live beside
 * this file; the re-exports below keep one entry point for the routes and the other modules.
 */
export { answerInvitation, holdMeeting } from './holding.service';
export { getMeeting, listMeetings, myMeetings } from './meeting-reads.service';
export { addContribution, saveMinutes } from './minutes.service';
export {
  loadMeeting,
  minutesLocked,
  ownRow,
  requireManage,
  rulesOf,
  type MeetingDeps,
  type MeetingRow,
} from './meeting-context';
// dd/mm/yyyy HH:mm in Vietnam, for email texts (in-app notices carry the ISO moment and format it themselves)
export { vnDateTime };

/** The contract refuses these already; services called directly (seed, bench) are held to the same rule. */
function refuse(problem: MeetingTimeProblem | null) {
  if (problem) throw new Invalid('validation_failed', { [problem.field]: problem.key });
}

function checkTimes(startsAt: string, endsAt: string) {
  refuse(meetingTimesProblem(startsAt, endsAt));
}

/**
 * Art. 4.3: the cell enters a meeting with its working members. Scheduled ahead, every working member placed
 * in the cell gets an attendance row now (exempt members pre-marked as excused) and an invitation in-app and by
 * email. Recorded after it took place (`entry: 'record'`), the same rows, held at once and nobody invited; its
 * minutes lock as any held meeting's do (the rule set's days after its end), so a record entered later than
 * that is written as amendments with their reasons.
 */
export async function createMeeting(
  deps: MeetingDeps,
  actor: Actor,
  body: CreateMeetingBody,
): Promise<{ meeting: MeetingDetail; created: boolean }> {
  checkTimes(body.startsAt, body.endsAt);
  const now = deps.clock.now();
  refuse(meetingEntryProblem(body.entry, body.startsAt, body.endsAt, now));
  const { to: status } = meetingTransition(body.entry);
  const held = status === heldMeetingStatus;
  const { id, created } = await deps.db.transaction(async (tx) => {
    const cell = await findCellForMeeting(tx, body.cellId, cellManageScope(actor, sql`c.id`));
    if (!cell || !cell.allowed) throw new NotFound();
    if (cell.type !== 'residential_cell' || cell.status !== activeUnitStatus)
      throw new Invalid('validation_failed', { cellId: 'meetings.cellInvalid' });
    // bound to the rule set in force on its day, whose life rules it follows from now on
    const rules = await lifeRulesOn(tx, vnDay(new Date(body.startsAt)));
    const meetingId = await insertMeeting(tx, {
      body,
      status,
      heldAt: held ? body.startsAt : null,
      minutesLockAt: held ? minutesLockAfter(rules, new Date(body.endsAt)).toISOString() : null,
      ruleSetId: rules.id,
      createdBy: actor.userId,
    });
    // Issue 12: the same meeting scheduled again answers the first; nobody is invited twice.
    if (!meetingId) return { id: await existingMeeting(tx, body), created: false };
    const expected = await addExpectedMembers(tx, meetingId, body.cellId);
    await writeAudit(tx, actor, {
      action: held ? 'meeting.recorded' : 'meeting.created',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: body.cellId,
      after: { ...body, status, expected: expected.length, invited: held ? 0 : expected.length },
    });
    if (held) return { id: meetingId, created: true };
    const users = await inviteeUsers(tx, meetingId);
    await notifyEach(
      tx,
      users.map((u): Notice => ({
        userId: u.userId,
        kind: 'meeting_invited',
        params: {
          title: body.title,
          cell: cell.name,
          date: body.startsAt,
          when: vnDateTime(new Date(body.startsAt)),
          place: body.place,
        },
        link: `/meetings/${meetingId}`,
      })),
      { email: true },
    );
    return { id: meetingId, created: true };
  });
  return { meeting: await getMeeting(deps, actor, id), created };
}

export async function updateMeeting(
  deps: MeetingDeps,
  actor: Actor,
  id: string,
  body: UpdateMeetingBody,
): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    requireTransition('edit', m);
    const { expectedUpdatedAt, ...changes } = body;
    if (expectedUpdatedAt && expectedUpdatedAt !== m.updatedAt.toISOString())
      throw new Conflict('stale_update');
    const nextStart = new Date(changes.startsAt ?? m.startsAt);
    const nextEnd = new Date(changes.endsAt ?? m.endsAt);
    checkTimes(nextStart.toISOString(), nextEnd.toISOString());
    // Moved to a time already over, it would stay "upcoming" with invitations to the past: record it as held instead.
    const moved = nextStart.getTime() !== m.startsAt.getTime() || nextEnd.getTime() !== m.endsAt.getTime();
    const past = moved ? meetingEntryProblem('edit', nextStart, nextEnd, deps.clock.now()) : null;
    if (past) throw new Invalid('validation_failed', { [past.field]: past.key });
    await updateMeetingFields(tx, id, changes, deps.clock.now());
    await writeAudit(tx, actor, {
      action: 'meeting.edit',
      entityType: 'meeting',
      entityId: id,
      unitId: m.cellId,
      before: { title: m.title, startsAt: m.startsAt, place: m.place },
      after: changes,
    });
    if (changes.startsAt || changes.place) {
      const users = await inviteeUsers(tx, id);
      const startsAt = new Date(changes.startsAt ?? m.startsAt);
      await notifyEach(
        tx,
        users.map((u): Notice => ({
          userId: u.userId,
          kind: 'meeting_changed',
          params: {
            title: changes.title ?? m.title,
            date: startsAt.toISOString(),
            when: vnDateTime(startsAt),
            place: changes.place ?? m.place,
          },
          link: `/meetings/${id}`,
        })),
        { email: true },
      );
    }
  });
  return getMeeting(deps, actor, id);
}

export async function cancelMeeting(
  deps: MeetingDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    if (isMeetingRepeat('cancel', m.status)) return;
    requireTransition('cancel', m);
    const { to } = meetingTransition('cancel');
    await writeCancelled(tx, { id, to, reason, now: deps.clock.now() });
    await writeAudit(tx, actor, {
      action: 'meeting.cancel',
      entityType: 'meeting',
      entityId: id,
      unitId: m.cellId,
      before: { status: m.status },
      after: { status: to, reason },
    });
    const users = await inviteeUsers(tx, id);
    await notifyEach(
      tx,
      users.map((u): Notice => ({
        userId: u.userId,
        kind: 'meeting_cancelled',
        params: { title: m.title, date: m.startsAt.toISOString(), when: vnDateTime(m.startsAt), reason },
        link: `/meetings/${id}`,
      })),
      { email: true },
    );
  });
  return getMeeting(deps, actor, id);
}
