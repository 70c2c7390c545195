import { describe, expect, it } from 'vitest';
import {
  checkNoticeTransition,
  noticeActions,
  noticeStatuses,
  noticeStatusOf,
  noticeTransition,
  type NoticeAction,
  type NoticeStatus,
} from './residence-notice';

/** Written out by hand: A = may be taken, R = already taken (harmless repeat), · = wrong state. */
// prettier-ignore
const expected: Record<NoticeAction, Record<NoticeStatus, 'A' | 'R' | '·'>> = {
  deliver: { delivered: 'R', seen: '·' },
  see: { delivered: 'A', seen: 'R' },
};

function verdict(action: NoticeAction, status: NoticeStatus): 'A' | 'R' | '·' {
  const check = checkNoticeTransition(action, status);
  if (!check.ok) return '·';
  return check.repeated ? 'R' : 'A';
}

describe('the residence notice table', () => {
  const cases = noticeActions.flatMap((action) =>
    noticeStatuses.map((status) => ({ action, status, want: expected[action][status] })),
  );

  it.each(cases)('$action on a $status notice: $want', ({ action, status, want }) => {
    expect(verdict(action, status)).toBe(want);
  });

  it('creates a notice delivered, and seeing it leads to seen', () => {
    expect(noticeTransition('deliver')).toEqual({ action: 'deliver', from: [], to: 'delivered' });
    expect(noticeTransition('see').to).toBe('seen');
  });

  it('reads the status from seen_at', () => {
    expect(noticeStatusOf(null)).toBe('delivered');
    expect(noticeStatusOf(new Date('2026-12-01T00:00:00Z'))).toBe('seen');
    expect(noticeStatusOf('2026-12-01T00:00:00Z')).toBe('seen');
  });
});
