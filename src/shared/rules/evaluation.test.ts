import { describe, expect, it } from 'vitest';
import {
  canEvaluation,
  cancelledStatus,
  deliveredStatuses,
  evaluationActions,
  evaluationFromStatuses,
  evaluationStatuses,
  evaluationTransition,
  releasedStatuses,
  requestedStatus,
  residenceOpenStatuses,
  signedStatuses,
  type EvaluationAction,
  type EvaluationSide,
  type EvaluationStatus,
} from './evaluation';

/**
 * The expected workflow, written out by hand (not derived from the table it checks):
 * A = the step may be taken, · = wrong state (409).
 */
// prettier-ignore
const expected: Record<EvaluationAction, Record<EvaluationStatus, 'A' | '·'>> = {
  draft: { requested: 'A', drafted: 'A', returned: 'A', signed: '·', delivered: '·', released: '·', disputed: '·', cancelled: '·' },
  front_sign: { requested: '·', drafted: 'A', returned: '·', signed: '·', delivered: '·', released: '·', disputed: '·', cancelled: '·' },
  sign: { requested: '·', drafted: 'A', returned: '·', signed: '·', delivered: '·', released: '·', disputed: '·', cancelled: '·' },
  return: { requested: '·', drafted: '·', returned: '·', signed: 'A', delivered: '·', released: '·', disputed: '·', cancelled: '·' },
  confirm: { requested: '·', drafted: '·', returned: '·', signed: 'A', delivered: '·', released: '·', disputed: '·', cancelled: '·' },
  release: { requested: '·', drafted: '·', returned: '·', signed: '·', delivered: 'A', released: '·', disputed: '·', cancelled: '·' },
  dispute: { requested: '·', drafted: '·', returned: '·', signed: '·', delivered: '·', released: 'A', disputed: '·', cancelled: '·' },
  uphold: { requested: '·', drafted: '·', returned: '·', signed: '·', delivered: '·', released: '·', disputed: 'A', cancelled: '·' },
  revise: { requested: '·', drafted: '·', returned: '·', signed: '·', delivered: '·', released: '·', disputed: 'A', cancelled: '·' },
  cancel: { requested: 'A', drafted: 'A', returned: 'A', signed: '·', delivered: '·', released: '·', disputed: '·', cancelled: '·' },
};

const target: Record<EvaluationAction, EvaluationStatus> = {
  draft: 'drafted',
  front_sign: 'drafted',
  sign: 'signed',
  return: 'returned',
  confirm: 'delivered',
  release: 'released',
  dispute: 'disputed',
  uphold: 'released',
  revise: 'returned',
  cancel: 'cancelled',
};

describe('the yearly evaluation workflow table', () => {
  const cases = evaluationActions.flatMap((action) =>
    evaluationStatuses.map((status) => ({ action, status, want: expected[action][status] })),
  );

  it.each(cases)('$action on a $status evaluation: $want', ({ action, status, want }) => {
    expect(canEvaluation(action, status) ? 'A' : '·').toBe(want);
    // whatever the verdict, the step names where it leads
    expect(evaluationTransition(action).action).toBe(action);
    expect(evaluationTransition(action).to).toBe(target[action]);
  });

  it('covers every action and every status (a new one must be added to this test)', () => {
    expect(Object.keys(expected).sort()).toEqual([...evaluationActions].sort());
    for (const action of evaluationActions)
      expect(Object.keys(expected[action]).sort()).toEqual([...evaluationStatuses].sort());
  });

  it('lists the statuses a set-based update may start from', () => {
    for (const action of evaluationActions) {
      const allowed = evaluationStatuses.filter((s) => expected[action][s] === 'A');
      expect([...evaluationFromStatuses(action)].sort()).toEqual(allowed.sort());
    }
  });

  it('assigns each step to the side that takes it (Art. 3.4, 3.5, 4.4, 4.5)', () => {
    const sides: Record<EvaluationAction, EvaluationSide> = {
      draft: 'cell',
      front_sign: 'front',
      sign: 'cell',
      return: 'commune',
      confirm: 'commune',
      release: 'workplace',
      dispute: 'member',
      uphold: 'workplace',
      revise: 'workplace',
      cancel: 'workplace',
    };
    for (const action of evaluationActions) expect(evaluationTransition(action).side).toBe(sides[action]);
  });

  it('opens a new version only when a signed form is sent back (return, revise)', () => {
    const opening = evaluationActions.filter((a) => evaluationTransition(a).newVersion);
    expect(opening.sort()).toEqual(['return', 'revise']);
  });

  it('leaves a cancelled request where it is', () => {
    for (const action of evaluationActions) expect(canEvaluation(action, 'cancelled')).toBe(false);
  });
});

describe('the status sets written into SQL', () => {
  it('start a request as "requested" and end a cancelled one as "cancelled"', () => {
    expect(requestedStatus).toBe('requested');
    expect(cancelledStatus).toBe('cancelled');
  });

  it('name the statuses of each side', () => {
    expect([...residenceOpenStatuses].sort()).toEqual(['drafted', 'requested', 'returned', 'signed']);
    expect([...signedStatuses].sort()).toEqual(['delivered', 'disputed', 'released', 'signed']);
    expect([...deliveredStatuses].sort()).toEqual(['delivered', 'disputed', 'released']);
    expect([...releasedStatuses].sort()).toEqual(['disputed', 'released']);
  });

  it('count every status but "cancelled" on exactly one side of the residence due date', () => {
    for (const status of evaluationStatuses.filter((s) => s !== 'cancelled'))
      expect(residenceOpenStatuses.includes(status)).toBe(!deliveredStatuses.includes(status));
  });
});
