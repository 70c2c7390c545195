import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  awaitingReceiptStatus,
  cancelledOnEndStatuses,
  checkTransition,
  formatLetterNumber,
  fromStatuses,
  introducedLetterStatuses,
  isOverdue,
  letterActions,
  letterStatuses,
  newLetterStatus,
  openLetterStatuses,
  placedLetterStatuses,
  receivedLetterStatuses,
  stageOf,
  transitionFor,
  type IntroductionStage,
  type LetterAction,
  type LetterStatus,
} from './introduction-letter';

/**
 * The expected workflow, written out by hand (not derived from the table it checks):
 * A = the step may be taken, R = the step was already taken (a retry, harmless), · = wrong state (409).
 */
// prettier-ignore
const expected: Record<LetterAction, Record<LetterStatus, 'A' | 'R' | '·'>> = {
  issue: { draft: 'A', issued: 'R', received: '·', placed: '·', acknowledged: '·', rejected: '·', superseded: '·', cancelled: '·', ended: '·' },
  cancel: { draft: 'A', issued: 'A', received: '·', placed: '·', acknowledged: '·', rejected: '·', superseded: '·', cancelled: 'R', ended: '·' },
  receive: { draft: '·', issued: 'A', received: 'R', placed: '·', acknowledged: '·', rejected: '·', superseded: '·', cancelled: '·', ended: '·' },
  place: { draft: '·', issued: 'A', received: 'A', placed: 'R', acknowledged: '·', rejected: '·', superseded: '·', cancelled: '·', ended: '·' },
  reject: { draft: '·', issued: 'A', received: 'A', placed: '·', acknowledged: '·', rejected: 'R', superseded: '·', cancelled: '·', ended: '·' },
  acknowledge: { draft: '·', issued: '·', received: '·', placed: 'A', acknowledged: 'R', rejected: '·', superseded: '·', cancelled: '·', ended: '·' },
  resend: { draft: '·', issued: '·', received: '·', placed: '·', acknowledged: '·', rejected: 'A', superseded: 'R', cancelled: '·', ended: '·' },
  end: { draft: '·', issued: 'A', received: 'A', placed: 'A', acknowledged: 'A', rejected: '·', superseded: '·', cancelled: '·', ended: 'R' },
};

const target: Record<LetterAction, LetterStatus> = {
  issue: 'issued',
  cancel: 'cancelled',
  receive: 'received',
  place: 'placed',
  reject: 'rejected',
  acknowledge: 'acknowledged',
  resend: 'superseded',
  end: 'ended',
};

function verdict(action: LetterAction, status: LetterStatus): 'A' | 'R' | '·' {
  const check = checkTransition(action, status);
  if (!check.ok) return '·';
  return check.repeated ? 'R' : 'A';
}

describe('the introduction letter workflow table', () => {
  const cases = letterActions.flatMap((action) =>
    letterStatuses.map((status) => ({ action, status, want: expected[action][status] })),
  );

  it.each(cases)('$action on a $status letter: $want', ({ action, status, want }) => {
    expect(verdict(action, status)).toBe(want);
    const check = checkTransition(action, status);
    // Whatever the verdict, the answer names the step and where it leads.
    expect(check.transition.action).toBe(action);
    expect(check.transition.to).toBe(target[action]);
    if (!check.ok) expect(check.reason).toBe('wrong_state');
  });

  it('covers every action and every status (a new one must be added to this test)', () => {
    expect(Object.keys(expected).sort()).toEqual([...letterActions].sort());
    for (const action of letterActions)
      expect(Object.keys(expected[action]).sort()).toEqual([...letterStatuses].sort());
  });

  it('lists the statuses a set-based update may start from', () => {
    for (const action of letterActions) {
      const allowed = letterStatuses.filter((s) => expected[action][s] === 'A');
      expect([...fromStatuses(action)].sort()).toEqual(allowed.sort());
    }
  });

  it('offers a person only the steps they can take, never the system’s', () => {
    const offered: Record<LetterStatus, LetterAction[]> = {
      draft: ['issue', 'cancel'],
      issued: ['cancel', 'receive', 'place', 'reject'],
      received: ['place', 'reject'],
      placed: ['acknowledge'],
      acknowledged: [],
      rejected: ['resend'],
      superseded: [],
      cancelled: [],
      ended: [],
    };
    for (const status of letterStatuses) expect(actionsFrom(status).sort()).toEqual(offered[status].sort());
  });

  it('assigns each step to the side that takes it (Art. 3.1, 4.1, 4.2)', () => {
    expect(transitionFor('issue').by).toBe('workplace_signer');
    expect(transitionFor('cancel').by).toBe('workplace');
    expect(transitionFor('resend').by).toBe('workplace');
    expect(transitionFor('receive').by).toBe('commune');
    expect(transitionFor('place').by).toBe('commune');
    expect(transitionFor('reject').by).toBe('commune');
    expect(transitionFor('acknowledge').by).toBe('cell');
    expect(transitionFor('end').by).toBe('system');
    // the next actor hears first
    expect(transitionFor('issue').notify[0]).toBe('commune');
    expect(transitionFor('place').notify[0]).toBe('cell');
    expect(transitionFor('acknowledge').notify[0]).toBe('member');
  });

  it('refuses an unknown action', () => {
    expect(() => transitionFor('approve' as LetterAction)).toThrow(/unknown letter action/);
  });

  it('counts as "open" exactly the letters a member can have only one of', () => {
    expect([...openLetterStatuses].sort()).toEqual(['acknowledged', 'draft', 'issued', 'placed', 'received']);
  });

  it('names the sets the SQL writes, from the table', () => {
    expect(newLetterStatus).toBe('draft');
    expect(cancelledOnEndStatuses).toEqual(['draft']);
    expect(introducedLetterStatuses).toEqual(['issued', 'received', 'placed', 'acknowledged']);
    expect(receivedLetterStatuses).toEqual(['received', 'placed', 'acknowledged']);
    expect(placedLetterStatuses).toEqual(['placed', 'acknowledged']);
    expect(awaitingReceiptStatus).toBe('issued');
  });
});

describe('the hand-off stage of a member', () => {
  const byStatus: Record<LetterStatus, IntroductionStage> = {
    draft: 'draft',
    issued: 'awaiting_receipt',
    received: 'awaiting_placement',
    placed: 'awaiting_acknowledgement',
    acknowledged: 'placed',
    rejected: 'rejected',
    superseded: 'not_introduced',
    cancelled: 'not_introduced',
    ended: 'not_introduced',
  };

  it.each(letterStatuses.map((status) => ({ status, stage: byStatus[status] })))(
    'a $status letter → $stage',
    ({ status, stage }) => {
      expect(stageOf(status, 'active')).toBe(stage);
      // exempt members are introduced like the others (Guide 33), only with a shorter form
      expect(stageOf(status, 'exempt')).toBe(stage);
    },
  );

  it('is "not introduced" without a letter', () => {
    expect(stageOf(null, 'active')).toBe('not_introduced');
    expect(stageOf(null, 'exempt')).toBe('not_introduced');
  });

  it('counts members never to be introduced apart, whatever their letters say (Guide 33)', () => {
    for (const status of [null, ...letterStatuses])
      expect(stageOf(status, 'not_introduced')).toBe('not_to_introduce');
  });
});

describe('an overdue letter', () => {
  const issuedAt = new Date('2026-11-01T09:30:00Z');
  const day = 86_400_000;

  it('is due after exactly the configured days, overdue one millisecond later', () => {
    expect(isOverdue('issued', issuedAt, new Date(issuedAt.getTime() + 15 * day - 1), 15)).toBe(false);
    expect(isOverdue('issued', issuedAt, new Date(issuedAt.getTime() + 15 * day), 15)).toBe(false);
    expect(isOverdue('issued', issuedAt, new Date(issuedAt.getTime() + 15 * day + 1), 15)).toBe(true);
  });

  it('follows the configured number of days', () => {
    const now = new Date(issuedAt.getTime() + 8 * day);
    expect(isOverdue('issued', issuedAt, now, 7)).toBe(true);
    expect(isOverdue('issued', issuedAt, now, 8)).toBe(false);
  });

  it('is only a letter waiting for receipt', () => {
    const late = new Date(issuedAt.getTime() + 100 * day);
    for (const status of letterStatuses.filter((s) => s !== 'issued'))
      expect(isOverdue(status, issuedAt, late, 15)).toBe(false);
    expect(isOverdue('issued', null, late, 15)).toBe(false);
  });
});

describe('the letter number', () => {
  it('reads "No. n-GGT/ĐU"', () => {
    expect(formatLetterNumber(1)).toBe('1-GGT/ĐU');
    expect(formatLetterNumber(5000)).toBe('5000-GGT/ĐU');
  });

  it('is absent on a draft', () => {
    expect(formatLetterNumber(null)).toBeNull();
  });
});
