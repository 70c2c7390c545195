import type { Executor } from '../../db/client';
import type { DialogueBody, SaveFormBody, StepResult } from '../../../shared/contracts/evaluations';
import {
  canEvaluation,
  deliveredStatuses,
  evaluationTransition,
  releasedStatuses,
  type EvaluationAction,
  type EvaluationSide,
  type EvaluationStatus,
  type ProposalAnswer,
} from '../../../shared/rules/evaluation';
import { isDraftComplete, missingRatings, proposalOf, raisedFlags, unjustifiedFlags, type RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { usersOfMembers } from '../introductions/letters.repository';
import { notifyCounting, notifyEach, type NotificationItem } from '../notifications/notifications.service';
import { signForms } from './evaluation-verification';
import { evidenceOf } from './evidence.repository';
import { cellHasFrontHead, loadRows, loadVersion, perPerson, usersWithRoleOn, type EvaluationRow, type VersionRow } from './evaluations.repository';
import {
  closeDispute,
  confirmVersions,
  evaluationIdIn,
  frontSignVersion,
  markCancelled,
  markDelivered,
  markDrafted,
  markReleased,
  markReturned,
  markSigned,
  openDispute,
  openNewVersion,
  saveDraftVersion,
  saveProposalAnswer,
  setStatus,
  signVersion,
} from './workflow.repository';
import type { EvaluationDeps } from './requests.service';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import { getRuleSet } from './rule-sets.service';

/**
 * The evaluation's workflow (src/shared/rules/evaluation.ts). Every step, single or batch, is all or
 * nothing: each evaluation must be visible (404), acted on from the right side (403) and in a state the
 * table allows (409); those already where the step leads are left alone, so a retry changes nothing twice.
 */

const sideFlag: Record<EvaluationSide, keyof EvaluationRow> = {
  workplace: 'asWorkplace',
  commune: 'asCommune',
  cell: 'asCell',
  front: 'asFront',
  member: 'asMember',
};

interface StepContext {
  tx: Executor;
  rows: EvaluationRow[];
  now: Date;
  /** where the step leads (the transition's `to`) */
  to: EvaluationStatus;
}

async function step(
  deps: EvaluationDeps,
  actor: Actor,
  action: EvaluationAction,
  evaluationIds: string[],
  apply: (ctx: StepContext) => Promise<void>,
  opts: { isRepeat?: (row: EvaluationRow) => boolean } = {},
): Promise<StepResult> {
  const ids = [...new Set(evaluationIds)];
  const transition = evaluationTransition(action);
  return deps.db.transaction(async (tx) => {
    const rows = await loadRows(tx, actor, ids, true);
    if (rows.length !== ids.length) throw new NotFound('evaluation_not_found');
    if (rows.some((r) => !r[sideFlag[transition.side]])) throw new Forbidden(`evaluation_side_${transition.side}`, { action });
    const isRepeat = opts.isRepeat ?? ((r: EvaluationRow) => r.status === transition.to && !transition.from.includes(r.status));
    const changing = rows.filter((r) => !isRepeat(r));
    const wrong = changing.find((r) => !canEvaluation(action, r.status));
    if (wrong) throw new Conflict('evaluation_wrong_state', { status: wrong.status, name: wrong.fullName });
    const now = deps.clock.now();
    if (changing.length) {
      await apply({ tx, rows: changing, now, to: transition.to });
      await writeAudit(
        tx,
        actor,
        changing.map((r) => ({
          action: `evaluation.${action}`,
          entityType: 'evaluation',
          entityId: r.id,
          unitId: transition.side === 'workplace' ? r.workplaceUnitId : transition.side === 'commune' ? r.communeId : (r.cellId ?? r.communeId),
          before: { status: r.status, version: r.version },
          after: { status: transition.to, version: transition.newVersion ? r.version + 1 : r.version },
        })),
      );
    }
    return { changed: changing.length, repeated: rows.length - changing.length };
  });
}

const signer = (actor: Actor) => ({ userId: actor.userId, name: actor.displayName });

async function notifyCells(tx: Executor, rows: EvaluationRow[], kind: string, params: Record<string, string | number | null> = {}) {
  const users = await usersWithRoleOn(tx, 'cell_secretary', rows.flatMap((r) => (r.cellId ? [r.cellId] : [])));
  await notifyEach(tx, perPerson(users.map((u) => ({ userId: u.userId, kind, params: { ...params, count: rows.filter((r) => r.cellId === u.unitId).length } })), '/evaluations'));
}

async function notifyUnits(tx: Executor, rows: EvaluationRow[], unit: (r: EvaluationRow) => string, kind: string, link = '/evaluations') {
  const users = await usersWithRoleOn(tx, 'committee_officer', rows.map(unit));
  await notifyEach(tx, perPerson(users.map((u) => ({ userId: u.userId, kind, params: { count: rows.filter((r) => unit(r) === u.unitId).length } })), link));
}

async function notifyMembers(tx: Executor, rows: EvaluationRow[], kind: string, email = false) {
  const users = await usersOfMembers(tx, rows.map((r) => r.memberId));
  const byMember = new Map(rows.map((r) => [r.memberId, r]));
  const items: NotificationItem[] = users.map((u) => ({ userId: u.userId, kind, params: { year: byMember.get(u.memberId)!.year }, link: '/my-evaluation' }));
  await notifyEach(tx, items, { email });
}

function checkRatings(def: RuleSetDefinition, row: EvaluationRow, body: SaveFormBody) {
  const criteria = def.forms[row.formKind].criteria;
  const fields: Record<string, string> = {};
  for (const [key, level] of Object.entries(body.ratings)) {
    const c = criteria.find((x) => x.key === key);
    if (!c) fields[`ratings.${key}`] = 'evaluation.criterionUnknown';
    else if (!c.levels.some((l) => l.key === level)) fields[`ratings.${key}`] = 'evaluation.levelUnknown';
  }
  if (Object.keys(fields).length) throw new Invalid('validation_failed', fields);
}

// ── the cell drafts, the Front head co-signs, the secretary signs (Art. 4.4) ─────────────────────

export async function saveForm(deps: EvaluationDeps, actor: Actor, id: string, body: SaveFormBody): Promise<void> {
  const today = vnDay(deps.clock.now());
  if (body.jointMeetingOn && body.jointMeetingOn > today) throw new Invalid('validation_failed', { jointMeetingOn: 'evaluation.meetingInFuture' });
  await step(
    deps,
    actor,
    'draft',
    [id],
    async ({ tx, rows: [row], now, to }) => {
      const def = await getRuleSet(tx, row!.ruleSetCode);
      checkRatings(def, row!, body);
      const keys = new Set(def.forms[row!.formKind].criteria.map((c) => c.key));
      const justifications = Object.fromEntries(Object.entries(body.justifications).filter(([k, v]) => keys.has(k) && v.trim()));
      const before = await loadVersion(tx, row!.id, row!.version);
      const evidence = await evidenceOf(tx, row!.memberId, row!.year);
      const flags = raisedFlags(def, row!.formKind, body.ratings, evidence);
      const changed =
        JSON.stringify(before?.ratings) !== JSON.stringify(body.ratings) ||
        JSON.stringify(before?.justifications) !== JSON.stringify(justifications) ||
        (before?.otherComments ?? null) !== (body.otherComments ?? null) ||
        (before?.jointMeetingOn ?? null) !== (body.jointMeetingOn ?? null) ||
        (before?.jointMeetingParticipants ?? null) !== (body.jointMeetingParticipants ?? null);
      const content = {
        ratings: body.ratings,
        justifications,
        otherComments: body.otherComments ?? null,
        jointMeetingOn: body.jointMeetingOn ?? null,
        jointMeetingParticipants: body.jointMeetingParticipants ?? null,
        flags,
        evidence,
      };
      // a change clears the co-signature: the Front head signed what she read
      await saveDraftVersion(tx, row!, content, now, changed);
      await markDrafted(tx, row!.id, to, now);
      // Art. 4.4: the Front head is told when the form becomes ready for her co-signature — once: saving the
      // same form again (a retried request, a further edit while it waits) tells her nothing new
      const awaited = awaitsFrontSign(def, row!.formKind, row!.status, before);
      const awaits = awaitsFrontSign(def, row!.formKind, to, {
        ratings: body.ratings,
        jointMeetingOn: body.jointMeetingOn ?? null,
        frontSignedAt: changed ? null : (before?.frontSignedAt ?? null),
      });
      if (awaits && !awaited) await notifyFrontHeads(tx, row!, now);
    },
    // saving a draft again is a normal edit, never a "repeat"
    { isRepeat: () => false },
  );
}

/** The form waits for the Front head: a draft she may co-sign, complete, not co-signed yet. */
function awaitsFrontSign(
  def: RuleSetDefinition,
  formKind: EvaluationRow['formKind'],
  status: EvaluationStatus,
  v: Pick<VersionRow, 'ratings' | 'jointMeetingOn' | 'frontSignedAt'> | null,
): boolean {
  return !!v && canEvaluation('front_sign', status) && !v.frontSignedAt && isDraftComplete(def, formKind, v.ratings, v.jointMeetingOn);
}

/** In-app and by e-mail; while she has not read the last one, its count goes up instead (one e-mail). */
async function notifyFrontHeads(tx: Executor, row: EvaluationRow, now: Date) {
  if (!row.cellId) return;
  const heads = await usersWithRoleOn(tx, 'front_head', [row.cellId]);
  const link = '/evaluations?side=front&queue=awaitingFront';
  await notifyCounting(
    tx,
    heads.map((h) => ({ userId: h.userId, kind: 'evaluation_awaiting_front_sign', params: { member: row.fullName, year: row.year, count: 1 }, link })),
    { email: true, now },
  );
}

export async function frontSign(deps: EvaluationDeps, actor: Actor, id: string): Promise<StepResult> {
  return step(
    deps,
    actor,
    'front_sign',
    [id],
    async ({ tx, rows: [row], now }) => {
      const def = await getRuleSet(tx, row!.ruleSetCode);
      const v = (await loadVersion(tx, row!.id, row!.version))!;
      const missing = missingRatings(def, row!.formKind, v.ratings);
      if (missing.length) throw new Invalid('evaluation_incomplete', Object.fromEntries(missing.map((k) => [`ratings.${k}`, 'evaluation.ratingRequired'])));
      if (!v.jointMeetingOn) throw new Invalid('evaluation_joint_meeting_missing', { jointMeetingOn: 'evaluation.jointMeetingRequired' });
      await frontSignVersion(tx, row!, signer(actor), now);
      await notifyCells(tx, [row!], 'evaluation_front_signed', { member: row!.fullName });
    },
    { isRepeat: (r) => r.status === evaluationTransition('front_sign').to && r.frontSigned },
  );
}

export async function signForm(deps: EvaluationDeps, actor: Actor, id: string): Promise<StepResult> {
  return step(deps, actor, 'sign', [id], async ({ tx, rows: [row], now, to }) => {
    const def = await getRuleSet(tx, row!.ruleSetCode);
    const v = (await loadVersion(tx, row!.id, row!.version))!;
    const missing = missingRatings(def, row!.formKind, v.ratings);
    if (missing.length) throw new Invalid('evaluation_incomplete', Object.fromEntries(missing.map((k) => [`ratings.${k}`, 'evaluation.ratingRequired'])));
    // the record as of signing is what the flags are judged on, and what travels with the form
    const evidence = await evidenceOf(tx, row!.memberId, row!.year);
    const flags = raisedFlags(def, row!.formKind, v.ratings, evidence);
    const unjustified = unjustifiedFlags(flags, v.justifications);
    if (unjustified.length)
      throw new Invalid('evaluation_flags_unjustified', Object.fromEntries(unjustified.map((f) => [`justifications.${f.criterion}`, 'evaluation.justificationRequired'])));
    if (!v.jointMeetingOn) throw new Invalid('evaluation_joint_meeting_missing', { jointMeetingOn: 'evaluation.jointMeetingRequired' });
    // Art. 4.4: the evaluation is made together with the Front working committee; its head co-signs in the app when they have an account
    if (!v.frontSignedAt && row!.cellId && (await cellHasFrontHead(tx, row!.cellId))) throw new Conflict('evaluation_needs_front_sign');
    await signVersion(tx, row!, signer(actor), now, { evidence, flags });
    await markSigned(tx, row!.id, to, now, proposalOf(def, row!.formKind, v.ratings));
    await notifyUnits(tx, [row!], (r) => r.communeId, 'evaluation_signed');
  });
}

// ── the commune confirms or returns (Art. 4.5) ─────────────────────────────────────────────────

export async function confirmForms(deps: EvaluationDeps, actor: Actor, ids: string[]): Promise<StepResult> {
  return step(deps, actor, 'confirm', ids, async ({ tx, rows, now, to }) => {
    const changing = rows.map((r) => r.id);
    await confirmVersions(tx, changing, signer(actor), now);
    // on confirmation the form reaches the workplace: confirmed and delivered are one step
    await markDelivered(tx, changing, to, now);
    await signForms(tx, deps.documentSecret, evaluationIdIn(changing));
    await notifyUnits(tx, rows, (r) => r.workplaceUnitId, 'evaluation_delivered', '/evaluations/review');
  }, { isRepeat: (r) => deliveredStatuses.includes(r.status) });
}

export async function returnForms(deps: EvaluationDeps, actor: Actor, ids: string[], reason: string): Promise<StepResult> {
  return step(deps, actor, 'return', ids, async ({ tx, rows, now, to }) => {
    const changing = rows.map((r) => r.id);
    await openNewVersion(tx, actor.userId, changing, reason, now);
    await markReturned(tx, changing, to, reason);
    await notifyCells(tx, rows, 'evaluation_returned', { reason });
  }, { isRepeat: () => false });
}

// ── the workplace releases, answers proposals, handles disputes (Art. 3.4, 3.5) ──────────────────

export async function releaseForms(deps: EvaluationDeps, actor: Actor, ids: string[]): Promise<StepResult> {
  return step(deps, actor, 'release', ids, async ({ tx, rows, now, to }) => {
    await markReleased(tx, rows.map((r) => r.id), to, now);
    await notifyMembers(tx, rows, 'evaluation_released', true);
  }, { isRepeat: (r) => releasedStatuses.includes(r.status) });
}

export async function cancelRequests(deps: EvaluationDeps, actor: Actor, ids: string[], reason: string): Promise<StepResult> {
  return step(deps, actor, 'cancel', ids, async ({ tx, rows, to }) => {
    await markCancelled(tx, rows.map((r) => r.id), to, reason);
    await notifyCells(tx, rows, 'evaluation_cancelled', { reason });
  });
}

export async function answerProposal(deps: EvaluationDeps, actor: Actor, id: string, answer: ProposalAnswer, note: string | null): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await loadRows(tx, actor, [id], true);
    if (!row) throw new NotFound('evaluation_not_found');
    if (!row.asWorkplace) throw new Forbidden('evaluation_side_workplace', { action: 'answer_proposal' });
    if (!deliveredStatuses.includes(row.status)) throw new Conflict('evaluation_wrong_state', { status: row.status, name: row.fullName });
    if (!row.proposal || row.proposal === 'none') throw new Invalid('evaluation_no_proposal');
    if (row.proposalAnswer === answer) return;
    await saveProposalAnswer(tx, id, answer, note, deps.clock.now());
    await writeAudit(tx, actor, { action: 'evaluation.proposal_answered', entityType: 'evaluation', entityId: id, unitId: row.workplaceUnitId, before: { answer: row.proposalAnswer }, after: { answer, note } });
    await notifyUnits(tx, [row], (r) => r.communeId, 'evaluation_proposal_answered');
  });
}

export async function disputeForm(deps: EvaluationDeps, actor: Actor, id: string, reason: string): Promise<StepResult> {
  return step(deps, actor, 'dispute', [id], async ({ tx, rows: [row], now, to }) => {
    await openDispute(tx, row!, reason, actor.userId, now);
    await setStatus(tx, [row!.id], to);
    await notifyUnits(tx, [row!], (r) => r.workplaceUnitId, 'evaluation_disputed');
  });
}

/** Art. 3.4: the workplace records the dialogue with the commune committee and its outcome. */
export async function recordDialogue(deps: EvaluationDeps, actor: Actor, id: string, body: DialogueBody): Promise<StepResult> {
  const today = vnDay(deps.clock.now());
  if (body.dialogueOn > today) throw new Invalid('validation_failed', { dialogueOn: 'evaluation.meetingInFuture' });
  const action = body.outcome === 'upheld' ? 'uphold' : 'revise';
  return step(deps, actor, action, [id], async ({ tx, rows: [row], now, to }) => {
    await closeDispute(tx, row!.id, body, actor.userId, now);
    if (body.outcome === 'upheld') {
      await setStatus(tx, [row!.id], to);
    } else {
      // the residence side writes a revised version; the disputed one is kept as it was
      await openNewVersion(tx, actor.userId, [row!.id], body.notes, now);
      await markReturned(tx, [row!.id], to, body.notes);
      await notifyCells(tx, [row!], 'evaluation_revision_agreed', { member: row!.fullName });
      await notifyUnits(tx, [row!], (r) => r.communeId, 'evaluation_revision_agreed');
    }
    await notifyMembers(tx, [row!], body.outcome === 'upheld' ? 'evaluation_dispute_upheld' : 'evaluation_dispute_revised');
  }, { isRepeat: () => false });
}
