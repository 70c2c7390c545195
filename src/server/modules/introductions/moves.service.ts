import type { ReportMoveBody } from '../../../shared/contracts/introductions';
import { newLetterStatus } from '../../../shared/rules/introduction-letter';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import { isTrue } from './introductions.access';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { notifyEach, type NotificationItem } from '../notifications/notifications.service';
import { endLettersOfMember } from './letter-steps.service';
import type { LetterDeps } from './letters.service';
import { usersOnUnits } from '../notifications/recipients.service';
import * as repo from './moves.repository';
import { checkCommuneAndArea, lockMember } from './residence-checks';

/** The member's move of residence (Art. 2.7); the SQL is in moves.repository.ts. */

/**
 * The member reports a new actual residence: the old cell, the old commune and the workplace are told,
 * the old hand-off ends, and the workplace finds a draft letter to the new commune ready to issue.
 */
export async function reportMove(
  deps: LetterDeps,
  actor: Actor,
  body: ReportMoveBody,
): Promise<{ moveId: string; draftLetterId: string | null }> {
  if (!actor.memberId || !actor.grants.some((g) => g.role === 'member'))
    throw new Forbidden('move_member_only');
  const now = deps.clock.now();
  // Dates are meant in Vietnam: at 01:00 in Hà Nội it is still yesterday in UTC.
  if (body.movedOn > vnDay(now))
    throw new Invalid('validation_failed', { movedOn: 'introductions.moveInFuture' });
  return deps.db.transaction(async (tx) => {
    const m = await lockMember(tx, actor.memberId!, isTrue());
    if (m.status !== 'active') throw new Conflict('member_not_active');
    const communeName = await checkCommuneAndArea(
      tx,
      body.residenceCommuneId,
      body.residenceAreaId,
      'residenceCommuneId',
    );
    if (
      m.residenceCommuneId === body.residenceCommuneId &&
      (m.residenceAreaId ?? null) === (body.residenceAreaId ?? null) &&
      m.residenceStreet === body.residenceStreet
    )
      throw new Conflict('move_same_place');
    const moveId = await repo.insertMove(tx, {
      memberId: m.id,
      from: {
        communeId: m.residenceCommuneId,
        cellId: m.residenceCellId,
        areaId: m.residenceAreaId,
        street: m.residenceStreet,
      },
      body,
      reportedBy: actor.userId,
      at: now,
    });
    // A move reported late may be dated before the placement it ends: the period then closes where it began.
    await repo.moveResidence(tx, m.id, body, now);
    await endLettersOfMember(tx, actor, m.id, 'moved', now);
    const draftId = await repo.insertMoveDraft(tx, {
      moveId,
      memberId: m.id,
      issuingUnitId: m.committeeId,
      body,
      previousLetterId: m.currentLetterId,
      createdBy: actor.userId,
      status: newLetterStatus,
      at: now,
    });
    await writeAudit(tx, actor, [
      {
        action: 'member.moved',
        entityType: 'member',
        entityId: m.id,
        unitId: m.cellId,
        before: {
          residenceCommuneId: m.residenceCommuneId,
          residenceCellId: m.residenceCellId,
          residenceAreaId: m.residenceAreaId,
          residenceStreet: m.residenceStreet,
        },
        after: { ...body },
      },
      ...(draftId
        ? [
            {
              action: 'introduction.created',
              entityType: 'introduction_letter',
              entityId: draftId,
              unitId: m.committeeId,
              after: { status: newLetterStatus, reason: 'moved' },
            },
          ]
        : []),
    ]);
    const params = { member: m.fullName, date: body.movedOn, commune: communeName };
    const [oldSide, workplace] = await Promise.all([
      Promise.all([
        usersOnUnits(tx, 'committee_officer', m.residenceCommuneId ? [m.residenceCommuneId] : []),
        usersOnUnits(tx, 'cell_secretary', m.residenceCellId ? [m.residenceCellId] : []),
      ]),
      usersOnUnits(tx, 'committee_officer', [m.committeeId]),
    ]);
    const items: NotificationItem[] = [
      ...oldSide
        .flat()
        .map((u) => ({
          userId: u.userId,
          kind: 'member_moved' as const,
          params,
          link: '/introductions/inbox',
        })),
      ...workplace.map((u) => ({
        userId: u.userId,
        kind: 'member_moved' as const,
        params,
        link: `/members/${m.id}`,
      })),
      ...(draftId
        ? workplace.map((u) => ({
            userId: u.userId,
            kind: 'draft_after_move' as const,
            params,
            link: `/introductions/letters/${draftId}`,
          }))
        : []),
    ];
    await notifyEach(tx, items, { email: true });
    return { moveId, draftLetterId: draftId };
  });
}
