import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isValue, literal, oneOf } from '../../db/sql-values';
import {
  closedDisputeStatus,
  openDisputeStatus,
  residenceOpenStatuses,
  type EvaluationStatus,
} from '../../../shared/rules/evaluation';
import type { Evidence, RaisedFlag } from '../../../shared/rules/evaluation-rules';
import { uuidArray } from './evaluations.repository';

/**
 * The SQL of the evaluation's workflow steps (workflow.service.ts holds the rules, the transaction and the audit).
 * The status written is always the transition's `to`, passed in by the service.
 */

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

function updateStatus(tx: Executor, ids: string[], status: EvaluationStatus, extra: SQL = sql``) {
  return tx.execute(
    sql`update evaluations set status = ${literal(status)}::evaluation_status, updated_at = now() ${extra} where id = any(${uuidArray(ids)})`,
  );
}

export const setStatus = (tx: Executor, ids: string[], status: EvaluationStatus) =>
  updateStatus(tx, ids, status);

export const markDrafted = (tx: Executor, id: string, status: EvaluationStatus, now: Date) =>
  updateStatus(tx, [id], status, sql`, drafted_at = coalesce(drafted_at, ${at(now)})`);

export const markSigned = (
  tx: Executor,
  id: string,
  status: EvaluationStatus,
  now: Date,
  proposal: string | null,
) => updateStatus(tx, [id], status, sql`, signed_at = ${at(now)}, proposal = ${proposal}`);

/** On confirmation the form reaches the workplace: confirmed and delivered are one step. */
export const markDelivered = (tx: Executor, ids: string[], status: EvaluationStatus, now: Date) =>
  updateStatus(tx, ids, status, sql`, confirmed_at = ${at(now)}, delivered_at = ${at(now)}`);

/** Sent back to the cell (returned by the commune, or revised after a dispute): the signature is cleared. */
export const markReturned = (tx: Executor, ids: string[], status: EvaluationStatus, reason: string) =>
  updateStatus(tx, ids, status, sql`, return_reason = ${reason}, signed_at = null, proposal = null`);

export const markReleased = (tx: Executor, ids: string[], status: EvaluationStatus, now: Date) =>
  updateStatus(tx, ids, status, sql`, released_at = ${at(now)}`);

export const markCancelled = (tx: Executor, ids: string[], status: EvaluationStatus, reason: string) =>
  updateStatus(tx, ids, status, sql`, cancel_reason = ${reason}`);

/** Open the next version, carrying the content over (the cell corrects it) with signatures cleared. */
export async function openNewVersion(tx: Executor, userId: string, ids: string[], reason: string, now: Date) {
  await tx.execute(sql`insert into evaluation_versions (evaluation_id, version, ratings, justifications, other_comments, flags, evidence,
      joint_meeting_on, joint_meeting_participants, opened_reason, created_by, created_at, updated_at)
    select v.evaluation_id, v.version + 1, v.ratings, v.justifications, v.other_comments, v.flags, v.evidence,
      v.joint_meeting_on, v.joint_meeting_participants, ${reason}, ${userId}, ${at(now)}, ${at(now)}
    from evaluations e join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version
    where e.id = any(${uuidArray(ids)})`);
  await tx.execute(
    sql`update evaluations set version = version + 1, verification_code = null where id = any(${uuidArray(ids)})`,
  );
}

export interface DraftContent {
  ratings: Record<string, string>;
  justifications: Record<string, string>;
  otherComments: string | null;
  jointMeetingOn: string | null;
  jointMeetingParticipants: string | null;
  flags: RaisedFlag[];
  evidence: Evidence;
}

/** Save the draft into the current version; `clearFrontSign` drops a co-signature the change voids. */
export async function saveDraftVersion(
  tx: Executor,
  ref: { id: string; version: number },
  c: DraftContent,
  now: Date,
  clearFrontSign: boolean,
) {
  await tx.execute(sql`update evaluation_versions set ratings = ${JSON.stringify(c.ratings)}::jsonb,
      justifications = ${JSON.stringify(c.justifications)}::jsonb, other_comments = ${c.otherComments},
      joint_meeting_on = ${c.jointMeetingOn}, joint_meeting_participants = ${c.jointMeetingParticipants},
      flags = ${JSON.stringify(c.flags)}::jsonb, evidence = ${JSON.stringify(c.evidence)}::jsonb, updated_at = ${at(now)}
      ${clearFrontSign ? sql`, front_signed_by = null, front_signer_name = null, front_signed_at = null` : sql``}
    where evaluation_id = ${ref.id} and version = ${ref.version}`);
}

type Signer = { userId: string; name: string };

export async function frontSignVersion(
  tx: Executor,
  ref: { id: string; version: number },
  by: Signer,
  now: Date,
) {
  await tx.execute(sql`update evaluation_versions set front_signed_by = ${by.userId}, front_signer_name = ${by.name},
      front_signed_at = ${at(now)} where evaluation_id = ${ref.id} and version = ${ref.version}`);
}

/** The record as of signing travels with the form (its evidence and the flags judged on it). */
export async function signVersion(
  tx: Executor,
  ref: { id: string; version: number },
  by: Signer,
  now: Date,
  record: { evidence: Evidence; flags: RaisedFlag[] },
) {
  await tx.execute(sql`update evaluation_versions set signed_by = ${by.userId}, signer_name = ${by.name},
      signed_at = ${at(now)}, evidence = ${JSON.stringify(record.evidence)}::jsonb, flags = ${JSON.stringify(record.flags)}::jsonb
    where evaluation_id = ${ref.id} and version = ${ref.version}`);
}

export async function confirmVersions(tx: Executor, ids: string[], by: Signer, now: Date) {
  await tx.execute(sql`update evaluation_versions v set confirmed_by = ${by.userId}, confirmer_name = ${by.name},
      confirmed_at = ${at(now)}
    from evaluations e where e.id = v.evaluation_id and v.version = e.version and e.id = any(${uuidArray(ids)})`);
}

export async function saveProposalAnswer(
  tx: Executor,
  id: string,
  answer: string,
  note: string | null,
  now: Date,
) {
  await tx.execute(sql`update evaluations set proposal_answer = ${answer}, proposal_answer_note = ${note},
      proposal_answered_at = ${at(now)}, updated_at = now() where id = ${id}`);
}

export async function openDispute(
  tx: Executor,
  ref: { id: string; version: number },
  reason: string,
  userId: string,
  now: Date,
) {
  await tx.execute(sql`insert into evaluation_disputes (evaluation_id, version, reason, opened_by, opened_at)
    values (${ref.id}, ${ref.version}, ${reason}, ${userId}, ${at(now)})`);
}

/** Art. 3.4: the dialogue held, the open dispute closes with its outcome. */
export async function closeDispute(
  tx: Executor,
  evaluationId: string,
  d: { dialogueOn: string; participants: string; notes: string; outcome: string },
  userId: string,
  now: Date,
) {
  await tx.execute(sql`update evaluation_disputes set status = ${literal(closedDisputeStatus)}, dialogue_on = ${d.dialogueOn}, dialogue_participants = ${d.participants},
      dialogue_notes = ${d.notes}, outcome = ${d.outcome}, closed_by = ${userId}, closed_at = ${at(now)}
    where evaluation_id = ${evaluationId} and ${isValue(sql`status`, openDisputeStatus)}`);
}

/** Mark the forms still open on the residence side past their due date as reminded, once; returns them. */
export function markOverdueNotified(tx: Executor, today: string, now: Date) {
  return queryRows<{ id: string; cellId: string | null; communeId: string; status: EvaluationStatus }>(
    tx,
    sql`update evaluations set overdue_notified_at = ${at(now)}
        where ${oneOf(sql`status`, residenceOpenStatuses)} and due_date < ${today}::date and overdue_notified_at is null
        returning id, cell_id as "cellId", commune_id as "communeId", status::text as status`,
  );
}

/** The evaluations (alias e) with these ids, as a condition for set-based statements of other modules. */
export const evaluationIdIn = (ids: string[]): SQL => sql`e.id = any(${uuidArray(ids)})`;
