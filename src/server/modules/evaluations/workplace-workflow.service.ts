import type { DialogueBody, StepResult } from '../../../shared/contracts/evaluations';
import { deliveredStatuses, releasedStatuses, type ProposalAnswer } from '../../../shared/rules/evaluation';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { loadRows } from './evaluations.repository';
import type { EvaluationDeps } from './requests.service';
import { notifyCells, notifyMembers, notifyUnits, step } from './workflow-step';
import {
  closeDispute,
  markCancelled,
  markReleased,
  markReturned,
  openDispute,
  openNewVersion,
  saveProposalAnswer,
  setStatus,
} from './workflow.repository';

/** The workplace's steps (Art. 3.4, 3.5): release to the member, cancel a request, answer a proposal, the dispute. */

export async function releaseForms(deps: EvaluationDeps, actor: Actor, ids: string[]): Promise<StepResult> {
  return step(
    deps,
    actor,
    'release',
    ids,
    async ({ tx, rows, now, to }) => {
      await markReleased(
        tx,
        rows.map((r) => r.id),
        to,
        now,
      );
      await notifyMembers(tx, rows, 'evaluation_released', true);
    },
    { isRepeat: (r) => releasedStatuses.includes(r.status) },
  );
}

export async function cancelRequests(
  deps: EvaluationDeps,
  actor: Actor,
  ids: string[],
  reason: string,
): Promise<StepResult> {
  return step(deps, actor, 'cancel', ids, async ({ tx, rows, to }) => {
    await markCancelled(
      tx,
      rows.map((r) => r.id),
      to,
      reason,
    );
    await notifyCells(tx, rows, 'evaluation_cancelled', { reason });
  });
}

export async function answerProposal(
  deps: EvaluationDeps,
  actor: Actor,
  id: string,
  answer: ProposalAnswer,
  note: string | null,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await loadRows(tx, actor, [id], true);
    if (!row) throw new NotFound('evaluation_not_found');
    if (!row.asWorkplace) throw new Forbidden('evaluation_side_workplace', { action: 'answer_proposal' });
    if (!deliveredStatuses.includes(row.status))
      throw new Conflict('evaluation_wrong_state', { status: row.status, name: row.fullName });
    if (!row.proposal || row.proposal === 'none') throw new Invalid('evaluation_no_proposal');
    if (row.proposalAnswer === answer) return;
    await saveProposalAnswer(tx, id, answer, note, deps.clock.now());
    await writeAudit(tx, actor, {
      action: 'evaluation.proposal_answered',
      entityType: 'evaluation',
      entityId: id,
      unitId: row.workplaceUnitId,
      before: { answer: row.proposalAnswer },
      after: { answer, note },
    });
    await notifyUnits(tx, [row], (r) => r.communeId, 'evaluation_proposal_answered');
  });
}

export async function disputeForm(
  deps: EvaluationDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<StepResult> {
  return step(deps, actor, 'dispute', [id], async ({ tx, rows: [row], now, to }) => {
    await openDispute(tx, row!, reason, actor.userId, now);
    await setStatus(tx, [row!.id], to);
    await notifyUnits(tx, [row!], (r) => r.workplaceUnitId, 'evaluation_disputed');
  });
}

/** Art. 3.4: the workplace records the dialogue with the commune committee and its outcome. */
export async function recordDialogue(
  deps: EvaluationDeps,
  actor: Actor,
  id: string,
  body: DialogueBody,
): Promise<StepResult> {
  const today = vnDay(deps.clock.now());
  if (body.dialogueOn > today)
    throw new Invalid('validation_failed', { dialogueOn: 'evaluation.meetingInFuture' });
  const action = body.outcome === 'upheld' ? 'uphold' : 'revise';
  return step(
    deps,
    actor,
    action,
    [id],
    async ({ tx, rows: [row], now, to }) => {
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
      await notifyMembers(
        tx,
        [row!],
        body.outcome === 'upheld' ? 'evaluation_dispute_upheld' : 'evaluation_dispute_revised',
      );
    },
    { isRepeat: () => false },
  );
}
