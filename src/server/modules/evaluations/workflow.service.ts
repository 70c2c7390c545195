import type { SaveFormBody, StepResult } from '../../../shared/contracts/evaluations';
import {
  canEvaluation,
  deliveredStatuses,
  evaluationTransition,
  type EvaluationStatus,
} from '../../../shared/rules/evaluation';
import {
  isDraftComplete,
  missingRatings,
  proposalOf,
  raisedFlags,
  unjustifiedFlags,
  type RuleSetDefinition,
} from '../../../shared/rules/evaluation-rules';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Executor } from '../../db/client';
import type { Actor } from '../../http/actor';
import { Conflict, Invalid } from '../../http/errors';
import { notifyCounting } from '../notifications/notifications.service';
import { signForms } from '../verification/verification.service';
import { evidenceOf } from './evidence.repository';
import {
  cellHasFrontHead,
  loadVersion,
  usersWithRoleOn,
  type EvaluationRow,
  type VersionRow,
} from './evaluations.repository';
import type { EvaluationDeps } from './requests.service';
import { getRuleSet } from '../rule-sets/rule-sets.service';
import { notifyCells, notifyUnits, signer, step } from './workflow-step';
import {
  confirmVersions,
  evaluationIdIn,
  frontSignVersion,
  markDelivered,
  markDrafted,
  markReturned,
  markSigned,
  openNewVersion,
  saveDraftVersion,
  signVersion,
} from './workflow.repository';

/**
 * The residence side's steps of the evaluation's workflow (src/shared/rules/evaluation.ts; the step machinery is
 * workflow-step.ts): the cell drafts and signs with the Front head (Art. 4.4), the commune confirms or returns (Art. 4.5).
 * The workplace's steps are in workplace-workflow.service.ts, re-exported here for the routes.
 */

export * from './workplace-workflow.service';

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

export async function saveForm(
  deps: EvaluationDeps,
  actor: Actor,
  id: string,
  body: SaveFormBody,
): Promise<void> {
  const today = vnDay(deps.clock.now());
  if (body.jointMeetingOn && body.jointMeetingOn > today)
    throw new Invalid('validation_failed', { jointMeetingOn: 'evaluation.meetingInFuture' });
  await step(
    deps,
    actor,
    'draft',
    [id],
    async ({ tx, rows: [row], now, to }) => {
      const def = await getRuleSet(tx, row!.ruleSetCode);
      checkRatings(def, row!, body);
      const keys = new Set(def.forms[row!.formKind].criteria.map((c) => c.key));
      const justifications = Object.fromEntries(
        Object.entries(body.justifications).filter(([k, v]) => keys.has(k) && v.trim()),
      );
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
  return (
    !!v &&
    canEvaluation('front_sign', status) &&
    !v.frontSignedAt &&
    isDraftComplete(def, formKind, v.ratings, v.jointMeetingOn)
  );
}

/** In-app and by e-mail; while she has not read the last one, its count goes up instead (one e-mail). */
async function notifyFrontHeads(tx: Executor, row: EvaluationRow, now: Date) {
  if (!row.cellId) return;
  const heads = await usersWithRoleOn(tx, 'front_head', [row.cellId]);
  const link = '/evaluations?side=front&queue=awaitingFront';
  await notifyCounting(
    tx,
    heads.map((h) => ({
      userId: h.userId,
      kind: 'evaluation_awaiting_front_sign',
      params: { member: row.fullName, year: row.year, count: 1 },
      link,
    })),
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
      if (missing.length)
        throw new Invalid(
          'evaluation_incomplete',
          Object.fromEntries(missing.map((k) => [`ratings.${k}`, 'evaluation.ratingRequired'])),
        );
      if (!v.jointMeetingOn)
        throw new Invalid('evaluation_joint_meeting_missing', {
          jointMeetingOn: 'evaluation.jointMeetingRequired',
        });
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
    if (missing.length)
      throw new Invalid(
        'evaluation_incomplete',
        Object.fromEntries(missing.map((k) => [`ratings.${k}`, 'evaluation.ratingRequired'])),
      );
    // the record as of signing is what the flags are judged on, and what travels with the form
    const evidence = await evidenceOf(tx, row!.memberId, row!.year);
    const flags = raisedFlags(def, row!.formKind, v.ratings, evidence);
    const unjustified = unjustifiedFlags(flags, v.justifications);
    if (unjustified.length)
      throw new Invalid(
        'evaluation_flags_unjustified',
        Object.fromEntries(
          unjustified.map((f) => [`justifications.${f.criterion}`, 'evaluation.justificationRequired']),
        ),
      );
    if (!v.jointMeetingOn)
      throw new Invalid('evaluation_joint_meeting_missing', {
        jointMeetingOn: 'evaluation.jointMeetingRequired',
      });
    // Art. 4.4: the evaluation is made together with the Front working committee; its head co-signs in the app when they have an account
    if (!v.frontSignedAt && row!.cellId && (await cellHasFrontHead(tx, row!.cellId)))
      throw new Conflict('evaluation_needs_front_sign');
    await signVersion(tx, row!, signer(actor), now, { evidence, flags });
    await markSigned(tx, row!.id, to, now, proposalOf(def, row!.formKind, v.ratings));
    await notifyUnits(tx, [row!], (r) => r.communeId, 'evaluation_signed');
  });
}

// ── the commune confirms or returns (Art. 4.5) ─────────────────────────────────────────────────

export async function confirmForms(deps: EvaluationDeps, actor: Actor, ids: string[]): Promise<StepResult> {
  return step(
    deps,
    actor,
    'confirm',
    ids,
    async ({ tx, rows, now, to }) => {
      const changing = rows.map((r) => r.id);
      await confirmVersions(tx, changing, signer(actor), now);
      // on confirmation the form reaches the workplace: confirmed and delivered are one step
      await markDelivered(tx, changing, to, now);
      await signForms(tx, deps.documentSecret, evaluationIdIn(changing));
      await notifyUnits(tx, rows, (r) => r.workplaceUnitId, 'evaluation_delivered', '/evaluations/review');
    },
    { isRepeat: (r) => deliveredStatuses.includes(r.status) },
  );
}

export async function returnForms(
  deps: EvaluationDeps,
  actor: Actor,
  ids: string[],
  reason: string,
): Promise<StepResult> {
  return step(
    deps,
    actor,
    'return',
    ids,
    async ({ tx, rows, now, to }) => {
      const changing = rows.map((r) => r.id);
      await openNewVersion(tx, actor.userId, changing, reason, now);
      await markReturned(tx, changing, to, reason);
      await notifyCells(tx, rows, 'evaluation_returned', { reason });
    },
    { isRepeat: () => false },
  );
}
