import type { ContributionBody, MeetingDetail, MinutesBody } from '../../../shared/contracts/meetings';
import type { Actor } from '../../http/actor';
import { Conflict, Invalid } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import {
  loadMeeting,
  minutesLocked,
  requireManage,
  requireRecord,
  type MeetingDeps,
} from './meeting-context';
import { getMeeting } from './meeting-reads.service';
import {
  insertMeetingContribution,
  insertMinutesAmendment,
  isInvited,
  writeMinutes,
} from './minutes.repository';

/** The minutes of a held meeting: summary and decisions, and who said what. After the lock, only amendments. */

export async function saveMinutes(
  deps: MeetingDeps,
  actor: Actor,
  id: string,
  body: MinutesBody,
): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    requireRecord('minutes', m);
    const locked = minutesLocked(deps, m);
    if (locked && !body.amendmentReason)
      throw new Invalid('validation_failed', { amendmentReason: 'meetings.amendmentReasonRequired' });
    const changes: { field: string; before: string | null; after: string | null }[] = [];
    if (body.minutesSummary !== undefined && body.minutesSummary !== m.minutesSummary)
      changes.push({ field: 'minutesSummary', before: m.minutesSummary, after: body.minutesSummary });
    if (body.minutesDecisions !== undefined && body.minutesDecisions !== m.minutesDecisions)
      changes.push({ field: 'minutesDecisions', before: m.minutesDecisions, after: body.minutesDecisions });
    if (changes.length === 0) return;
    await writeMinutes(tx, id, body, deps.clock.now());
    if (locked)
      for (const c of changes)
        await insertMinutesAmendment(tx, {
          meetingId: id,
          ...c,
          reason: body.amendmentReason!,
          userId: actor.userId,
        });
    await writeAudit(tx, actor, {
      action: locked ? 'meeting.minutes_amended' : 'meeting.minutes',
      entityType: 'meeting',
      entityId: id,
      unitId: m.cellId,
      before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
      after: {
        ...Object.fromEntries(changes.map((c) => [c.field, c.after])),
        amendmentReason: body.amendmentReason ?? null,
      },
    });
  });
  return getMeeting(deps, actor, id);
}

/** An opinion or proposal in the minutes, and who gave it (an invited member, or a named speaker). */
export async function addContribution(
  deps: MeetingDeps,
  actor: Actor,
  id: string,
  body: ContributionBody,
): Promise<MeetingDetail> {
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, id, true);
    requireManage(m);
    requireRecord('minutes', m);
    if (minutesLocked(deps, m)) throw new Conflict('meeting_minutes_locked');
    if (!body.memberId && !body.speakerName)
      throw new Invalid('validation_failed', { speakerName: 'field.required' });
    if (body.memberId && !(await isInvited(tx, id, body.memberId)))
      throw new Invalid('meeting_member_not_invited');
    const contributionId = await insertMeetingContribution(tx, id, body, actor.userId);
    await writeAudit(tx, actor, {
      action: 'meeting.contribution',
      entityType: 'meeting',
      entityId: id,
      unitId: m.cellId,
      after: { id: contributionId, ...body },
    });
  });
  return getMeeting(deps, actor, id);
}
