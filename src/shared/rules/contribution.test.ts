import { describe, expect, it } from 'vitest';
import {
  checkContribution,
  contributionStatuses,
  contributionTransition,
  pendingContributionStatuses,
  rejectedContributionStatus,
  standingContributionStatuses,
  type ContributionStatus,
} from './contribution';

/** Written out by hand: A = decided now, R = the same decision again (harmless), · = decided the other way (409). */
// prettier-ignore
const expected: Record<'confirm' | 'reject', Record<ContributionStatus, 'A' | 'R' | '·'>> = {
  confirm: { proposed: 'A', confirmed: 'R', rejected: '·' },
  reject: { proposed: 'A', confirmed: '·', rejected: 'R' },
};
const target = { confirm: 'confirmed', reject: 'rejected' } as const;

describe('the contribution table', () => {
  const cases = (['confirm', 'reject'] as const).flatMap((action) =>
    contributionStatuses.map((status) => ({ action, status, want: expected[action][status] })),
  );

  it.each(cases)('$action on a $status contribution: $want', ({ action, status, want }) => {
    const check = checkContribution(action, status);
    expect(check.ok ? (check.repeated ? 'R' : 'A') : '·').toBe(want);
    expect(check.to).toBe(target[action]);
  });

  it('covers every status', () => {
    for (const action of ['confirm', 'reject'] as const)
      expect(Object.keys(expected[action]).sort()).toEqual([...contributionStatuses].sort());
  });

  it('confirms the secretary’s record at once and keeps a member’s proposal waiting', () => {
    expect(contributionTransition('record')).toMatchObject({ from: [], to: 'confirmed' });
    expect(contributionTransition('propose')).toMatchObject({ from: [], to: 'proposed' });
  });

  it('counts the confirmed ones, waits on the proposed ones, leaves the rejected ones out of a member’s year', () => {
    expect([...standingContributionStatuses]).toEqual(['confirmed']);
    expect([...pendingContributionStatuses]).toEqual(['proposed']);
    expect(rejectedContributionStatus).toBe('rejected');
  });
});
