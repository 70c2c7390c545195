import type { Executor } from '../../db/client';
import type { MemberHooks } from '../../hooks';
import type {
  PlaceLettersBody,
  RejectReason,
  ResendLetterBody,
  TransitionResult,
} from '../../../shared/contracts/introductions';
import {
  cancelledOnEndStatuses,
  checkTransition,
  fromStatuses,
  newLetterStatus,
  openLetterStatuses,
  transitionFor,
  type LetterAction,
  type LetterStatus,
} from '../../../shared/rules/introduction-letter';
import { vnDay, vnYear } from '../../../shared/rules/vietnam-calendar';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { letterActScope, letterReadScope, signerGrants } from './introductions.access';
import { notifyArrivals, notifyCellReady, notifyIssued, notifyWorkplace } from './letter-notify';
import * as steps from './letter-steps.repository';
import * as repo from './letters.repository';
import type { LetterDeps } from './letters.service';
import { checkCommuneAndArea } from './residence-checks';
import { signLetters } from '../verification/verification.service';

/** The letter's workflow steps (Art. 3.1, 4.1, 4.2), each through the transition table; the SQL is in letter-steps.repository.ts. */

interface StepContext {
  tx: Executor;
  ids: string[];
  now: Date;
}

/** Locks the letters and sorts them by the table: to change, already changed (a retry), or in a wrong state (409). */
async function lockForStep(tx: Executor, actor: Actor, action: LetterAction, ids: string[]) {
  const transition = transitionFor(action);
  const rows = await repo.lockLetters(tx, ids, letterReadScope(actor), letterActScope(actor, transition.by));
  if (rows.length !== ids.length || rows.some((r) => !r.visible)) throw new NotFound('letter_not_found');
  if (rows.some((r) => !r.allowed))
    throw new Forbidden(
      transition.by === 'workplace_signer' ? 'letter_issue_needs_signer' : 'letter_not_yours',
      {
        action,
      },
    );
  const todo: typeof rows = [];
  let repeated = 0;
  const wrong: LetterStatus[] = [];
  for (const r of rows) {
    const check = checkTransition(action, r.status);
    if (!check.ok) wrong.push(r.status);
    else if (check.repeated) repeated++;
    else todo.push(r);
  }
  if (wrong.length)
    throw new Conflict('letter_wrong_state', { action, count: wrong.length, status: wrong[0]! });
  return { todo, repeated };
}

/**
 * One batch step, all or nothing: every letter must be visible (else 404), the actor must act for the right
 * side (else 403) and every letter must be in a state the transition table allows (else 409). Letters
 * already in the target state are left alone, so a retried request changes nothing twice.
 */
async function step(
  deps: LetterDeps,
  actor: Actor,
  action: LetterAction,
  letterIds: string[],
  apply: (ctx: StepContext) => Promise<void>,
): Promise<TransitionResult> {
  const ids = [...new Set(letterIds)];
  return deps.db.transaction(async (tx) => {
    const { todo, repeated } = await lockForStep(tx, actor, action, ids);
    const todoIds = todo.map((r) => r.id);
    if (todoIds.length) await apply({ tx, ids: todoIds, now: deps.clock.now() });
    return { changed: todoIds.length, repeated, letterIds: todoIds };
  });
}

async function auditStep(
  tx: Executor,
  actor: Actor,
  action: LetterAction,
  rows: { id: string; unitId: string; from?: string }[],
  extra: Record<string, unknown> = {},
) {
  const t = transitionFor(action);
  await writeAudit(
    tx,
    actor,
    rows.map((r) => ({
      action: `introduction.${action}`,
      entityType: 'introduction_letter',
      entityId: r.id,
      unitId: r.unitId,
      before: { status: r.from ?? t.from[0] },
      after: { status: t.to, ...extra },
    })),
  );
}

/** Art. 3.1: number (per committee per year), sign and send; the commune and the member are told. */
export async function issueLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
): Promise<TransitionResult> {
  const signer = signerGrants(actor)[0];
  return step(deps, actor, 'issue', letterIds, async ({ tx, ids, now }) => {
    // The year of the number is the year printed on the letter: Vietnam's calendar, not UTC's.
    const issued = await steps.issueRows(tx, ids, {
      to: transitionFor('issue').to,
      year: vnYear(now),
      now,
      userId: actor.userId,
      signerName: actor.displayName,
      signerPosition: signer?.position ?? null,
    });
    await signLetters(tx, deps.config.documentSecret, repo.letterIdIn(ids));
    await auditStep(
      tx,
      actor,
      'issue',
      issued.map((r) => ({ id: r.id, unitId: r.unitId })),
    );
    await notifyIssued(tx, issued);
  });
}

export async function cancelLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
): Promise<TransitionResult> {
  return step(deps, actor, 'cancel', letterIds, async ({ tx, ids, now }) => {
    const rows = await steps.cancelRows(tx, ids, transitionFor('cancel').to, now);
    await auditStep(tx, actor, 'cancel', rows);
  });
}

const markReceived = (tx: Executor, ids: string[], now: Date) =>
  steps.receiveRows(tx, ids, { to: transitionFor('receive').to, from: fromStatuses('receive') }, now);

/** Art. 4.1: the commune receives letters (without placing yet). */
export async function receiveLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
): Promise<TransitionResult> {
  return step(deps, actor, 'receive', letterIds, async ({ tx, ids, now }) => {
    const rows = await markReceived(tx, ids, now);
    await auditStep(tx, actor, 'receive', rows);
    await notifyWorkplace(
      tx,
      rows.map((r) => r.id),
      'letter_received',
    );
  });
}

/**
 * Art. 4.1: place members in residential cells of the receiving commune (letters not yet received are
 * received in the same step). The cell must be an active residential cell inside that commune.
 */
export async function placeLetters(
  deps: LetterDeps,
  actor: Actor,
  body: PlaceLettersBody,
): Promise<TransitionResult> {
  const cellFor = new Map(body.placements.map((p) => [p.letterId, p.cellId]));
  const ids = [...cellFor.keys()];
  return deps.db.transaction(async (tx) => {
    const { todo, repeated } = await lockForStep(tx, actor, 'place', ids);
    if (todo.length === 0) return { changed: 0, repeated, letterIds: [] };
    const todoIds = todo.map((r) => r.id);
    const cells = todoIds.map((id) => cellFor.get(id)!);
    // A member can only be placed in a residential cell of the commune that received the letter.
    const bad = await steps.placementsOutsideCommune(tx, todoIds, cells);
    if (bad.length)
      throw new Invalid(
        'letter_cell_outside_commune',
        { cellId: 'introductions.cellOutsideCommune' },
        { count: bad.length },
      );
    const now = deps.clock.now();
    const received = await markReceived(
      tx,
      todo.filter((r) => fromStatuses('receive').includes(r.status)).map((r) => r.id),
      now,
    );
    await auditStep(tx, actor, 'receive', received);
    const placed = await steps.placeRows(tx, todoIds, cells, transitionFor('place').to, now);
    await setResidenceCell(tx, deps.memberHooks, placed, now);
    await auditStep(
      tx,
      actor,
      'place',
      placed.map((p) => ({ id: p.id, unitId: p.unitId })),
      {},
    );
    await notifyArrivals(
      tx,
      placed.map((p) => p.id),
    );
    await notifyWorkplace(
      tx,
      placed.map((p) => p.id),
      'letter_placed',
    );
    return { changed: placed.length, repeated, letterIds: placed.map((p) => p.id) };
  });
}

/** The member's residence cell and its dated membership follow the placement (history kept); then the hook. */
async function setResidenceCell(
  tx: Executor,
  hooks: MemberHooks,
  placed: { memberId: string; cellId: string; communeId: string }[],
  now: Date,
) {
  if (placed.length === 0) return;
  await steps.moveMembersToCells(tx, placed, vnDay(now));
  await hooks.membersPlaced(
    tx,
    placed.map((p) => p.memberId),
  );
}

/** Not our area / wrong address: back to the workplace with the reason. */
export async function rejectLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
  reason: RejectReason,
  note?: string,
): Promise<TransitionResult> {
  if (reason === 'other' && !note?.trim())
    throw new Invalid('validation_failed', { note: 'introductions.rejectNoteRequired' });
  return step(deps, actor, 'reject', letterIds, async ({ tx, ids, now }) => {
    const rows = await steps.rejectRows(
      tx,
      ids,
      transitionFor('reject').to,
      { reason, note: note?.trim() || null },
      now,
    );
    await auditStep(tx, actor, 'reject', rows, { reason, note: note?.trim() || null });
    await notifyWorkplace(
      tx,
      rows.map((r) => r.id),
      'letter_rejected',
    );
  });
}

/** Art. 4.2: the cell lists the member and tells them whom to contact. */
export async function acknowledgeLetters(
  deps: LetterDeps,
  actor: Actor,
  letterIds: string[],
): Promise<TransitionResult> {
  return step(deps, actor, 'acknowledge', letterIds, async ({ tx, ids, now }) => {
    const rows = await steps.acknowledgeRows(tx, ids, transitionFor('acknowledge').to, now);
    await auditStep(tx, actor, 'acknowledge', rows);
    await notifyCellReady(tx, rows);
    await notifyWorkplace(
      tx,
      rows.map((r) => r.id),
      'letter_acknowledged',
    );
  });
}

/**
 * The workplace corrects a rejected letter and sends it to the right commune: the member's actual residence
 * is corrected in the registry and a new letter replaces the rejected one (which stays, superseded).
 */
export async function resendLetter(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  body: ResendLetterBody,
): Promise<{ letterId: string }> {
  const newId = await deps.db.transaction(async (tx) => {
    const [row] = await repo.lockLetters(
      tx,
      [id],
      letterReadScope(actor),
      letterActScope(actor, 'workplace'),
    );
    if (!row?.visible) throw new NotFound('letter_not_found');
    if (!row.allowed) throw new Forbidden('letter_not_yours', { action: 'resend' });
    if (body.issue) {
      const [signer] = await repo.lockLetters(
        tx,
        [id],
        letterReadScope(actor),
        letterActScope(actor, 'workplace_signer'),
      );
      if (!signer?.allowed) throw new Forbidden('letter_issue_needs_signer', { action: 'issue' });
    }
    const check = checkTransition('resend', row.status);
    if (!check.ok || check.repeated)
      throw new Conflict('letter_wrong_state', { action: 'resend', count: 1, status: row.status });
    await checkCommuneAndArea(tx, body.receivingCommuneId, body.residenceAreaId, 'receivingCommuneId');
    const now = deps.clock.now().toISOString();
    const old = await steps.supersedeLetter(tx, id, check.transition.to, now);
    const place = {
      communeId: body.receivingCommuneId,
      areaId: body.residenceAreaId ?? null,
      street: body.residenceStreet ?? null,
    };
    await steps.correctResidence(tx, old.memberId, place, now);
    const created = await steps.insertResentLetter(tx, {
      memberId: old.memberId,
      issuingUnitId: old.issuingUnitId,
      communeId: place.communeId,
      areaId: place.areaId,
      exempt: old.exempt,
      previousLetterId: id,
      createdBy: actor.userId,
      status: newLetterStatus,
      now,
    });
    await auditStep(tx, actor, 'resend', [{ id, unitId: old.issuingUnitId }], { nextLetterId: created });
    await writeAudit(tx, actor, {
      action: 'introduction.created',
      entityType: 'introduction_letter',
      entityId: created,
      unitId: old.issuingUnitId,
      after: { status: newLetterStatus, previousLetterId: id, receivingCommuneId: body.receivingCommuneId },
    });
    await writeAudit(tx, actor, {
      action: 'member.residence_corrected',
      entityType: 'member',
      entityId: old.memberId,
      after: {
        residenceCommuneId: place.communeId,
        residenceAreaId: place.areaId,
        residenceStreet: place.street,
      },
    });
    return created;
  });
  if (body.issue) await issueLetters(deps, actor, [newId]);
  return { letterId: newId };
}

/**
 * The system ends a member's hand-off (move, expulsion, removal, leaving): open letters close with the
 * reason, drafts are cancelled. Runs inside the caller's transaction.
 */
export async function endLettersOfMember(
  tx: Executor,
  actor: Actor | null,
  memberId: string,
  reason: string,
  now: Date,
) {
  const cancelled = transitionFor('cancel').to;
  const rows = await steps.endOpenLetters(
    tx,
    memberId,
    {
      open: openLetterStatuses,
      cancelOnly: cancelledOnEndStatuses,
      cancelled,
      ended: transitionFor('end').to,
    },
    reason,
    now,
  );
  await writeAudit(
    tx,
    actor,
    rows.map((r) => ({
      action: r.to === cancelled ? 'introduction.cancel' : 'introduction.end',
      entityType: 'introduction_letter',
      entityId: r.id,
      unitId: r.unitId,
      before: { status: r.from },
      after: { status: r.to, reason },
    })),
  );
  return rows;
}
