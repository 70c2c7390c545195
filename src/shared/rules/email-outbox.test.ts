import { describe, expect, it } from 'vitest';
import {
  canOutbox,
  dueOutboxStatuses,
  outboxActions,
  outboxStatuses,
  outboxTransition,
  type OutboxAction,
  type OutboxStatus,
} from './email-outbox';

/** Written out by hand: A = the worker may take the step, · = it may not. */
// prettier-ignore
const expected: Record<OutboxAction, Record<OutboxStatus, 'A' | '·'>> = {
  send: { pending: 'A', sent: '·', failed: '·' },
  retry: { pending: 'A', sent: '·', failed: '·' },
  giveUp: { pending: 'A', sent: '·', failed: '·' },
};
const target: Record<OutboxAction, OutboxStatus> = { send: 'sent', retry: 'pending', giveUp: 'failed' };

describe('the e-mail outbox table', () => {
  const cases = outboxActions.flatMap((action) =>
    outboxStatuses.map((status) => ({ action, status, want: expected[action][status] })),
  );

  it.each(cases)('$action on a $status mail: $want', ({ action, status, want }) => {
    expect(canOutbox(action, status) ? 'A' : '·').toBe(want);
    expect(outboxTransition(action).to).toBe(target[action]);
  });

  it('covers every action and every status', () => {
    expect(Object.keys(expected).sort()).toEqual([...outboxActions].sort());
    for (const action of outboxActions)
      expect(Object.keys(expected[action]).sort()).toEqual([...outboxStatuses].sort());
  });

  it('takes only pending mails', () => {
    expect([...dueOutboxStatuses]).toEqual(['pending']);
  });
});
