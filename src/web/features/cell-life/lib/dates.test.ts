import { describe, expect, it } from 'vitest';
import { isOverdue, isoDaysAfter, yearOptions } from './dates';

describe('cell-life dates', () => {
  it('is overdue only while the warning still waits, from the day after its deadline', () => {
    expect(isOverdue({ deadline: '2026-03-09', status: 'open' }, '2026-03-09')).toBe(false);
    expect(isOverdue({ deadline: '2026-03-09', status: 'open' }, '2026-03-10')).toBe(true);
    expect(isOverdue({ deadline: '2026-03-09', status: 'escalated' }, '2026-04-01')).toBe(true);
    expect(isOverdue({ deadline: '2026-03-09', status: 'resolved' }, '2026-04-01')).toBe(false);
    expect(isOverdue({ deadline: '2026-03-09', status: 'withdrawn' }, '2026-04-01')).toBe(false);
  });

  it('adds days across a month end and lists years newest first', () => {
    expect(isoDaysAfter('2026-01-31', 30)).toBe('2026-03-02');
    expect(yearOptions(2, new Date(2026, 5, 1)).map((o) => o.value)).toEqual(['2026', '2025', '2024']);
  });
});
