import { describe, expect, it } from 'vitest';
import { dateTextProblem, isIsoDate, parseDisplayDate } from './dates';

describe('typed dates', () => {
  it('reads dd/mm/yyyy strictly', () => {
    expect(parseDisplayDate('05/03/2026')).toBe('2026-03-05');
    expect(parseDisplayDate('5/3/2026')).toBe('2026-03-05');
    expect(parseDisplayDate('31/02/2026')).toBeNull();
    expect(parseDisplayDate('29/02/2028')).toBe('2028-02-29');
  });

  it('says why a typed text is not a date', () => {
    expect(dateTextProblem('31/02/2026')).toEqual({ kind: 'day', month: '02', year: 2026, days: 28 });
    expect(dateTextProblem('31/02/1990')).toEqual({ kind: 'day', month: '02', year: 1990, days: 28 });
    expect(dateTextProblem('45/13/2026')).toEqual({ kind: 'month', month: '13' });
    expect(dateTextProblem('31/4/2026')).toEqual({ kind: 'day', month: '04', year: 2026, days: 30 });
    expect(dateTextProblem('mai')).toEqual({ kind: 'format' });
    expect(dateTextProblem('1/1/26')).toEqual({ kind: 'format' });
    expect(dateTextProblem('05/03/2026')).toBeNull();
    expect(dateTextProblem('')).toBeNull();
  });

  it('tells a real ISO day from typed text', () => {
    expect(isIsoDate('2026-03-05')).toBe(true);
    expect(isIsoDate('2026-02-31')).toBe(false);
    expect(isIsoDate('31/02/2026')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});
