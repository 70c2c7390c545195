/**
 * The yearly residence evaluation of one member (Art. 3.4, 4.4, 4.5) as one transition table.
 *
 * requested ─draft→ drafted ─sign→ signed ─confirm→ delivered ─release→ released ─dispute→ disputed
 *                      ↑  (front_sign)    │ return (new version)                       │ uphold → released
 *                   returned ←────────────┘                     revise (new version) ←─┘ → returned
 *
 * "Confirmed" and "delivered" are one step: on confirmation the form reaches the workplace (Art. 4.5).
 * A signed form never changes in place: return and revise open a new version, the old one is kept.
 */

export const evaluationStatuses = [
  'requested',
  'drafted',
  'returned',
  'signed',
  'delivered',
  'released',
  'disputed',
  'cancelled',
] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

export const evaluationActions = [
  'draft',
  'front_sign',
  'sign',
  'return',
  'confirm',
  'release',
  'dispute',
  'uphold',
  'revise',
  'cancel',
] as const;
export type EvaluationAction = (typeof evaluationActions)[number];

/** Who acts: the cell (secretary), the Front head, the commune committee, the workplace committee, the member. */
export type EvaluationSide = 'cell' | 'front' | 'commune' | 'workplace' | 'member';

export interface EvaluationTransition {
  action: EvaluationAction;
  side: EvaluationSide;
  from: readonly EvaluationStatus[];
  to: EvaluationStatus;
  /** the step opens a new version of the form (the signed one is kept as it was) */
  newVersion?: boolean;
}

export const evaluationTransitions: readonly EvaluationTransition[] = [
  // Art. 4.4: the cell committee fills the form (saving again keeps it a draft; a change clears the co-signature)
  { action: 'draft', side: 'cell', from: ['requested', 'drafted', 'returned'], to: 'drafted' },
  // the Front working committee head co-signs the draft agreed at the joint meeting
  { action: 'front_sign', side: 'front', from: ['drafted'], to: 'drafted' },
  { action: 'sign', side: 'cell', from: ['drafted'], to: 'signed' },
  // Art. 4.5: the commune confirms (and the form goes to the workplace) or returns it with a reason
  { action: 'confirm', side: 'commune', from: ['signed'], to: 'delivered' },
  { action: 'return', side: 'commune', from: ['signed'], to: 'returned', newVersion: true },
  // Art. 3.5: the workplace tells the member at the year-end review
  { action: 'release', side: 'workplace', from: ['delivered'], to: 'released' },
  // Art. 3.4: a member who finds the comment not objective disputes it; the workplace meets the commune
  { action: 'dispute', side: 'member', from: ['released'], to: 'disputed' },
  { action: 'uphold', side: 'workplace', from: ['disputed'], to: 'released' },
  { action: 'revise', side: 'workplace', from: ['disputed'], to: 'returned', newVersion: true },
  // a request that is no longer wanted (transfer, left the Party) before the cell signed
  { action: 'cancel', side: 'workplace', from: ['requested', 'drafted', 'returned'], to: 'cancelled' },
];

export function evaluationTransition(action: EvaluationAction): EvaluationTransition {
  return evaluationTransitions.find((t) => t.action === action)!;
}

export function canEvaluation(action: EvaluationAction, status: EvaluationStatus): boolean {
  return evaluationTransition(action).from.includes(status);
}

/** Statuses from which `action` may be taken (for set-based SQL: `where status in (…)`). */
export function evaluationFromStatuses(action: EvaluationAction): readonly EvaluationStatus[] {
  return evaluationTransition(action).from;
}

/** The status a new request starts in (no transition leads to it). */
export const requestedStatus = 'requested' satisfies EvaluationStatus;
/** Where `cancel` leads: a request no longer wanted, left out of every count. */
export const cancelledStatus: EvaluationStatus = evaluationTransition('cancel').to;

/** Statuses in which the workplace has the form (content visible to it). */
export const deliveredStatuses: readonly EvaluationStatus[] = ['delivered', 'released', 'disputed'];
/** Statuses in which the member sees the content of their own form. */
export const releasedStatuses: readonly EvaluationStatus[] = ['released', 'disputed'];
/** Statuses still open on the residence side (counted against the due date). */
export const residenceOpenStatuses: readonly EvaluationStatus[] = [
  'requested',
  'drafted',
  'returned',
  'signed',
];
/** Statuses the cell has signed: signed and waiting for the commune, or confirmed and delivered. */
export const signedStatuses: readonly EvaluationStatus[] = [
  evaluationTransition('sign').to,
  ...deliveredStatuses,
];

/**
 * The work queues of the evaluation: what each side has to do today, counted on the home page and listed
 * behind the count (`queue` on the evaluation list). Each open form of a cell is in exactly one of the first
 * three. The SQL is `evaluationQueueSql` (src/server/modules/evaluations/evaluation-queues.ts).
 * - toDraft: the cell fills the form (asked for, returned, or a draft not complete yet)
 * - awaitingFront: a complete draft waits for the Front head's co-signature
 * - toSign: a complete draft the secretary signs (co-signed, or the area's Front head has no account)
 * - toConfirm: signed, with the commune (Art. 4.5)
 * - toRelease: delivered to the workplace, not yet told to the member (Art. 3.5)
 * - disputed: the member disputed the comment; the workplace holds the dialogue (Art. 3.4)
 */
export const evaluationQueues = [
  'toDraft',
  'awaitingFront',
  'toSign',
  'toConfirm',
  'toRelease',
  'disputed',
] as const;
export type EvaluationQueue = (typeof evaluationQueues)[number];

/** Backlog stages, each counting evaluations that reached it (cumulative, so a row reads like a funnel). */
export const backlogStages = [
  'requested',
  'selfReported',
  'drafted',
  'signed',
  'confirmed',
  'released',
] as const;
export type BacklogStage = (typeof backlogStages)[number];

/** A dispute (Art. 3.4) is open until the workplace records the dialogue with the commune, which closes it. */
export const disputeStatuses = ['open', 'closed'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];
export const openDisputeStatus: DisputeStatus = 'open';
export const closedDisputeStatus: DisputeStatus = 'closed';

/** Dispute outcomes (Art. 3.4): the comment stands, or the residence side revises it as a new version. */
export const disputeOutcomes = ['upheld', 'revised'] as const;
export type DisputeOutcome = (typeof disputeOutcomes)[number];

/** Answers to a proposal to commend or to consider discipline that travelled with the form. */
export const proposalAnswers = ['accepted', 'declined', 'noted'] as const;
export type ProposalAnswer = (typeof proposalAnswers)[number];
