import { describe, expect, it } from 'vitest';
import {
  importJobActions,
  importJobStatuses,
  importJobTransition,
  previewedImportStatuses,
  rowlessImportStatuses,
  transition,
  type ImportJobAction,
  type ImportJobStatus,
} from './import-job';

/**
 * The expected workflow, written out by hand (not derived from the table it checks):
 * the status each action leads to from each status, · = not allowed (409).
 */
// prettier-ignore
const expected: Record<ImportJobAction, Record<ImportJobStatus, ImportJobStatus | '·'>> = {
  preview: { previewed: '·', committing: '·', committed: '·', failed: '·', discarded: '·' },
  discard: { previewed: 'discarded', committing: '·', committed: '·', failed: '·', discarded: '·' },
  commit: { previewed: 'committing', committing: '·', committed: '·', failed: '·', discarded: '·' },
  finish: { previewed: '·', committing: 'committed', committed: '·', failed: '·', discarded: '·' },
  fail: { previewed: '·', committing: 'failed', committed: '·', failed: '·', discarded: '·' },
};

describe('the import job workflow table', () => {
  const cases = importJobActions.flatMap((action) =>
    importJobStatuses.map((status) => ({ action, status, want: expected[action][status] })),
  );

  it.each(cases)('$action on a $status job: $want', ({ action, status, want }) => {
    expect(transition(status, action)?.to ?? '·').toBe(want);
  });

  it('covers every action and every status (a new one must be added to this test)', () => {
    expect(Object.keys(expected).sort()).toEqual([...importJobActions].sort());
    for (const action of importJobActions)
      expect(Object.keys(expected[action]).sort()).toEqual([...importJobStatuses].sort());
  });

  it('creates a job previewed', () => {
    expect(importJobTransition('preview')).toEqual({ action: 'preview', from: [], to: 'previewed' });
  });

  it('lists the statuses a set-based update may start from', () => {
    for (const action of importJobActions) {
      const allowed = importJobStatuses.filter((s) => expected[action][s] !== '·');
      expect([...importJobTransition(action).from].sort()).toEqual(allowed.sort());
    }
  });

  it('commits or discards only a previewed job, and shows no row errors of a discarded one', () => {
    expect([...previewedImportStatuses]).toEqual(['previewed']);
    expect([...rowlessImportStatuses]).toEqual(['discarded']);
  });

  it('refuses an unknown action', () => {
    expect(() => importJobTransition('approve' as ImportJobAction)).toThrow(/unknown import job action/);
  });
});
