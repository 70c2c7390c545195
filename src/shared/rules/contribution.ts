/**
 * A member's part in a campaign or movement (Art. 2.4–2.6), as one transition table. The secretary's record
 * stands at once; a member's own proposal waits for the secretary, who confirms or rejects it.
 */
export const contributionStatuses = ['proposed', 'confirmed', 'rejected'] as const;
export type ContributionStatus = (typeof contributionStatuses)[number];

export const contributionActions = ['record', 'propose', 'confirm', 'reject'] as const;
export type ContributionAction = (typeof contributionActions)[number];

export interface ContributionTransition {
  action: ContributionAction;
  /** empty: the action creates the contribution */
  from: readonly ContributionStatus[];
  to: ContributionStatus;
}

export const contributionTransitions: readonly ContributionTransition[] = [
  // by whoever runs the unit: confirmed at once
  { action: 'record', from: [], to: 'confirmed' },
  // by the member, for their own part
  { action: 'propose', from: [], to: 'proposed' },
  { action: 'confirm', from: ['proposed'], to: 'confirmed' },
  { action: 'reject', from: ['proposed'], to: 'rejected' },
];

export function contributionTransition(action: ContributionAction): ContributionTransition {
  return contributionTransitions.find((t) => t.action === action)!;
}

/**
 * A decision on a contribution: allowed, a repeat of the same decision (harmless, nothing changes), or refused
 * because it was already decided the other way.
 */
export function checkContribution(
  action: 'confirm' | 'reject',
  status: ContributionStatus,
): { ok: true; repeated: boolean; to: ContributionStatus } | { ok: false; to: ContributionStatus } {
  const t = contributionTransition(action);
  if (status === t.to) return { ok: true, repeated: true, to: t.to };
  return t.from.includes(status) ? { ok: true, repeated: false, to: t.to } : { ok: false, to: t.to };
}

/** What the totals of an activity count, and what everyone may see: the contributions that stand. */
export const standingContributionStatuses: readonly ContributionStatus[] = [
  contributionTransition('record').to,
];
/** Waiting for the secretary. */
export const pendingContributionStatuses: readonly ContributionStatus[] =
  contributionTransition('confirm').from;
/** A member's record of the year shows all but the rejected ones. */
export const rejectedContributionStatus: ContributionStatus = contributionTransition('reject').to;
