import type { CreateRequestBody, RequestItem } from '../../../shared/contracts/introductions';
import { newLetterStatus } from '../../../shared/rules/introduction-letter';
import {
  openRequestStatuses,
  requestTransition,
  type RequestStatus,
} from '../../../shared/rules/introduction-request';
import type { Executor } from '../../db/client';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../../db/member-sql';
import { notifyEach } from '../notifications/notifications.service';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import { reachesPath, requestScope, signerGrants, workplaceMemberScope } from './introductions.access';
import { usersOnUnits } from '../notifications/recipients.service';
import { existingRequest } from './natural-keys';
import * as repo from './requests.repository';
import { checkCommuneAndArea, lockMember } from './residence-checks';
import { endLettersOfMember, issueLetters } from './letter-steps.service';
import { residenceAddress } from '../../documents/address';
import type { LetterDeps } from './letters.service';
import { isWithin } from '../../http/access';

/**
 * "Known here, no letter" (Art. 4.1): the commune found a working member living locally and asks the workplace
 * to introduce them; the workplace answers with a letter or declines. States change through the table in
 * src/shared/rules/introduction-request.ts; the SQL is in requests.repository.ts. A request sent again while
 * open is the same request (issue 12, natural-keys.ts).
 */

export async function createRequest(
  deps: LetterDeps,
  actor: Actor,
  body: CreateRequestBody,
): Promise<{ id: string; workplaceUnitName: string; created: boolean }> {
  return deps.db.transaction(async (tx) => {
    const commune = await repo.findActiveUnit(tx, body.communeId);
    if (!commune || !reachesPath(actor, commune.path, ['committee_officer'])) throw new NotFound();
    if (!['commune_committee', 'district_committee'].includes(commune.type))
      throw new Invalid('validation_failed', { communeId: 'member.communeInvalid' });
    if (body.residenceAreaId)
      await checkCommuneAndArea(tx, body.communeId, body.residenceAreaId, 'communeId');
    // A card number found in the registry routes the request to the member's own committee.
    const match = body.cardNumber ? await repo.findWorkplaceMemberByCard(tx, body.cardNumber) : undefined;
    const workplaceUnitId = match?.committeeId ?? body.workplaceUnitId;
    if (!workplaceUnitId)
      throw new Invalid('validation_failed', {
        workplaceUnitId: 'introductions.requestNeedsCardOrWorkplace',
      });
    const workplace = await repo.findIntroducingCommittee(tx, workplaceUnitId);
    if (!workplace)
      throw new Invalid('validation_failed', { workplaceUnitId: 'introductions.workplaceInvalid' });
    const repeated = await existingRequest(tx, body, workplaceUnitId);
    if (repeated) return { ...repeated, created: false };
    const created = await repo.insertRequest(tx, {
      body,
      workplaceUnitId,
      memberId: match?.memberId ?? null,
      createdBy: actor.userId,
      at: deps.clock.now(),
    });
    if (!created) {
      // a parallel twin committed first: answer it (or 409 when it differs)
      const twin = await existingRequest(tx, body, workplaceUnitId);
      if (!twin) throw new Conflict('request_exists');
      return { ...twin, created: false };
    }
    await writeAudit(tx, actor, {
      action: 'introduction_request.created',
      entityType: 'introduction_request',
      entityId: created.id,
      unitId: body.communeId,
      after: body,
    });
    const officers = await usersOnUnits(tx, 'committee_officer', [workplaceUnitId]);
    await notifyEach(
      tx,
      officers.map((o) => ({
        userId: o.userId,
        kind: 'introduction_requested',
        params: { member: body.fullName, commune: commune.name },
        link: '/introductions',
      })),
      { email: true },
    );
    return { id: created.id, workplaceUnitName: workplace.name, created: true };
  });
}

function toRequestItem(r: repo.RequestRow): RequestItem {
  const { street, areaName, residenceAreaId: _area, ...rest } = r;
  return {
    ...rest,
    residenceAddress: residenceAddress(street, areaName, r.communeName),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export async function listRequests(
  deps: LetterDeps,
  actor: Actor,
  query: {
    side: 'workplace' | 'commune';
    unitId?: string;
    status?: RequestStatus;
    cursor?: string;
    limit: number;
  },
) {
  const rows = await repo.listRequests(deps.db, {
    ...query,
    scope: requestScope(actor, repo.requestSideColumn(query.side)),
    after: decodeCursor(query.cursor) ?? undefined,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toRequestItem),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ k: new Date(last.createdAt).toISOString(), id: last.id })
        : null,
  };
}

async function lockOpenRequest(tx: Executor, actor: Actor, id: string): Promise<repo.RequestRow> {
  const r = await repo.lockRequest(tx, id, requestScope(actor, repo.requestSideColumn('workplace')));
  if (!r) throw new NotFound();
  if (!openRequestStatuses.includes(r.status)) throw new Conflict('request_closed');
  return r;
}

/** The workplace answers a request with a letter for the member (their residence is corrected to the commune's finding). */
export async function fulfilRequest(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  body: { memberId: string; issue: boolean },
): Promise<{ letterId: string }> {
  const letterId = await deps.db.transaction(async (tx) => {
    const r = await lockOpenRequest(tx, actor, id);
    const m = await lockMember(tx, body.memberId, workplaceMemberScope(actor));
    if (m.status !== 'active') throw new Conflict('member_not_active');
    // Art. 3.1: only the secretary or deputy signs. Refuse before anything changes, not after the request is closed.
    if (body.issue && !signerGrants(actor).some((g) => !!g.unitPath && isWithin(m.committeePath, g.unitPath)))
      throw new Forbidden('letter_issue_needs_signer', { action: 'issue' });
    if (await repo.hasOpenLetter(tx, m.id))
      await endLettersOfMember(tx, actor, m.id, 'request', deps.clock.now());
    const now = deps.clock.now();
    // The member no longer lives in the old residence cell: that membership closes too (history kept).
    await repo.moveResidenceToCommune(
      tx,
      m.id,
      { communeId: r.communeId, residenceAreaId: r.residenceAreaId, street: r.street },
      { now, today: vnDay(now) },
    );
    const letter = await repo.insertDraftLetter(tx, {
      memberId: m.id,
      issuingUnitId: m.committeeId,
      communeId: r.communeId,
      previousLetterId: m.currentLetterId,
      createdBy: actor.userId,
      at: now,
    });
    await repo.closeRequest(tx, id, requestTransition('fulfil').to, {
      memberId: m.id,
      letterId: letter,
      at: now,
    });
    await writeAudit(tx, actor, [
      {
        action: 'introduction_request.fulfilled',
        entityType: 'introduction_request',
        entityId: id,
        unitId: r.communeId,
        after: { memberId: m.id, letterId: letter },
      },
      {
        action: 'introduction.created',
        entityType: 'introduction_letter',
        entityId: letter,
        unitId: m.committeeId,
        after: { status: newLetterStatus, requestId: id },
      },
    ]);
    return letter;
  });
  if (body.issue) await issueLetters(deps, actor, [letterId]);
  return { letterId };
}

export async function declineRequest(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  note: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const r = await lockOpenRequest(tx, actor, id);
    await repo.closeRequest(tx, id, requestTransition('decline').to, {
      declineNote: note,
      at: deps.clock.now(),
    });
    await writeAudit(tx, actor, {
      action: 'introduction_request.declined',
      entityType: 'introduction_request',
      entityId: id,
      unitId: r.communeId,
      after: { note },
    });
    const creator = await repo.findRequestCreator(tx, id);
    if (creator)
      await notifyEach(tx, [
        {
          userId: creator,
          kind: 'request_declined',
          params: { member: r.fullName, workplace: r.workplaceUnitName },
          link: '/introductions/inbox',
        },
      ]);
  });
}
