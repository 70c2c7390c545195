import { describe, expect, it } from 'vitest';
import {
  openRequestStatuses,
  requestActions,
  requestStatuses,
  requestTransition,
} from './introduction-request';

// The whole matrix, by hand: which action is allowed from which status, and where it leads.
const expected: Record<(typeof requestActions)[number], { from: string[]; to: string }> = {
  ask: { from: [], to: 'open' },
  fulfil: { from: ['open'], to: 'fulfilled' },
  decline: { from: ['open'], to: 'declined' },
};

describe('introduction request transitions', () => {
  it.each(requestActions)('%s', (action) => {
    const t = requestTransition(action);
    for (const status of requestStatuses)
      expect(t.from.includes(status), `${action} from ${status}`).toBe(
        expected[action].from.includes(status),
      );
    expect(t.to).toBe(expected[action].to);
  });

  it('answers only an open request', () => {
    expect([...openRequestStatuses]).toEqual(['open']);
  });
});
