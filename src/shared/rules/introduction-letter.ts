/**
 * The introduction letter's workflow (Art. 3.1 workplace → Art. 4.1 commune → Art. 4.2 cell), as one table.
 * Every state change in the server goes through `transitionFor`; nothing else compares statuses.
 */

export const letterStatuses = [
  'draft',
  'issued',
  'received',
  'placed',
  'acknowledged',
  'rejected',
  'superseded',
  'cancelled',
  'ended',
] as const;
export type LetterStatus = (typeof letterStatuses)[number];

export const letterActions = [
  'issue',
  'cancel',
  'receive',
  'place',
  'reject',
  'acknowledge',
  'resend',
  'end',
] as const;
export type LetterAction = (typeof letterActions)[number];

/** Who may take a step: the workplace committee (its secretary/deputy to sign), the receiving commune, the cell, or the system. */
export type LetterActorSide = 'workplace' | 'workplace_signer' | 'commune' | 'cell' | 'system';
/** Who hears about a step (the next actor first). */
export type LetterAudience = 'workplace' | 'commune' | 'cell' | 'member';

export interface LetterTransition {
  action: LetterAction;
  from: readonly LetterStatus[];
  to: LetterStatus;
  by: LetterActorSide;
  notify: readonly LetterAudience[];
}

export const letterTransitions: readonly LetterTransition[] = [
  // Art. 3.1: signed for the committee by its secretary or deputy secretary.
  { action: 'issue', from: ['draft'], to: 'issued', by: 'workplace_signer', notify: ['commune', 'member'] },
  // A draft is discarded; an issued letter can be withdrawn until the commune receives it.
  { action: 'cancel', from: ['draft', 'issued'], to: 'cancelled', by: 'workplace', notify: [] },
  // Art. 4.1: the commune receives the letter …
  { action: 'receive', from: ['issued'], to: 'received', by: 'commune', notify: ['workplace'] },
  // … and introduces the member to the residential cell (a letter not yet received is received in the same step).
  {
    action: 'place',
    from: ['issued', 'received'],
    to: 'placed',
    by: 'commune',
    notify: ['cell', 'workplace'],
  },
  // Not our area / wrong address: back to the workplace, which corrects and re-sends.
  { action: 'reject', from: ['issued', 'received'], to: 'rejected', by: 'commune', notify: ['workplace'] },
  // Art. 4.2: the cell lists the member and tells them whom to contact.
  {
    action: 'acknowledge',
    from: ['placed'],
    to: 'acknowledged',
    by: 'cell',
    notify: ['member', 'workplace'],
  },
  // The corrected letter replaces the rejected one.
  { action: 'resend', from: ['rejected'], to: 'superseded', by: 'workplace', notify: [] },
  // A move, an expulsion, removal or leaving the Party ends the hand-off; history is kept.
  {
    action: 'end',
    from: ['issued', 'received', 'placed', 'acknowledged'],
    to: 'ended',
    by: 'system',
    notify: [],
  },
];

export type TransitionCheck =
  | { ok: true; transition: LetterTransition; repeated: false }
  /** the same step again (double click, retried request): nothing to do, not an error */
  | { ok: true; transition: LetterTransition; repeated: true }
  | { ok: false; reason: 'wrong_state'; transition: LetterTransition };

export function transitionFor(action: LetterAction): LetterTransition {
  const t = letterTransitions.find((x) => x.action === action);
  if (!t) throw new Error(`unknown letter action ${action}`);
  return t;
}

/** Whether `action` may be taken on a letter in `status`; a repeat of a step already taken is reported as such. */
export function checkTransition(action: LetterAction, status: LetterStatus): TransitionCheck {
  const transition = transitionFor(action);
  if (transition.from.includes(status)) return { ok: true, transition, repeated: false };
  if (status === transition.to) return { ok: true, transition, repeated: true };
  return { ok: false, reason: 'wrong_state', transition };
}

/** Statuses from which `action` may be taken (for set-based updates: `where status in (…)`). */
export function fromStatuses(action: LetterAction): readonly LetterStatus[] {
  return transitionFor(action).from;
}

/** Letters still in progress: those the system ends or cancels; at most one per member (a unique index holds this). */
export const openLetterStatuses: readonly LetterStatus[] = [
  ...new Set([...fromStatuses('cancel'), ...fromStatuses('end')]),
];

/** A new letter starts where `issue` starts: a draft. */
export const newLetterStatus: LetterStatus = fromStatuses('issue')[0]!;

/** When the system ends a hand-off, letters that only `cancel` takes (drafts) are cancelled, the others ended. */
export const cancelledOnEndStatuses: readonly LetterStatus[] = fromStatuses('cancel').filter(
  (s) => !fromStatuses('end').includes(s),
);

/** Letters sent out (Art. 3.1), then received by the commune (Art. 4.1), then placed in a cell (Art. 4.2): for coverage. */
export const introducedLetterStatuses: readonly LetterStatus[] = fromStatuses('end');
export const receivedLetterStatuses: readonly LetterStatus[] = introducedLetterStatuses.filter(
  (s) => !fromStatuses('receive').includes(s),
);
export const placedLetterStatuses: readonly LetterStatus[] = receivedLetterStatuses.filter(
  (s) => !fromStatuses('place').includes(s),
);

/** Letters waiting for the commune's receipt (the only ones that can be overdue). */
export const awaitingReceiptStatus: LetterStatus = transitionFor('issue').to;

/** Actions available on a letter in `status` (the UI shows only these buttons). */
export function actionsFrom(status: LetterStatus): LetterAction[] {
  return letterTransitions.filter((t) => t.from.includes(status) && t.by !== 'system').map((t) => t.action);
}

/** The hand-off stage of a working member, for queues and coverage (Art. 3.1, 4.1, 4.2). */
export const introductionStages = [
  'not_introduced',
  'draft',
  'awaiting_receipt',
  'awaiting_placement',
  'awaiting_acknowledgement',
  'placed',
  'rejected',
  'not_to_introduce',
] as const;
export type IntroductionStage = (typeof introductionStages)[number];

/** The stage a member is at, by the status of their current letter; no letter (or a closed one) = not introduced. */
export const stageByLetterStatus: Partial<Record<LetterStatus, IntroductionStage>> = {
  draft: 'draft',
  issued: 'awaiting_receipt',
  received: 'awaiting_placement',
  placed: 'awaiting_acknowledgement',
  acknowledged: 'placed',
  rejected: 'rejected',
};

export function stageOf(
  letterStatus: LetterStatus | null,
  category: 'active' | 'exempt' | 'not_introduced',
): IntroductionStage {
  // Guide 33: some members are never introduced (secret duty); they are counted, not chased.
  if (category === 'not_introduced') return 'not_to_introduce';
  return (letterStatus && stageByLetterStatus[letterStatus]) || 'not_introduced';
}

/** Letters whose receipt is late: issued more than `days` days ago and not yet received (default 15). */
export function isOverdue(status: LetterStatus, issuedAt: Date | null, now: Date, days: number): boolean {
  if (status !== awaitingReceiptStatus || !issuedAt) return false;
  return now.getTime() - issuedAt.getTime() > days * 24 * 3600 * 1000;
}

/** `12-GGT/ĐU`: numbered per issuing committee per year. */
export function formatLetterNumber(number: number | null): string | null {
  return number === null ? null : `${number}-GGT/ĐU`;
}
