import { describe, expect, it } from 'vitest';
import { previousHalfYear, vnDateTime, vnWeek } from './vietnam-calendar';

describe('vnWeek', () => {
  it('runs Monday to Sunday on Vietnam’s calendar and ends at next Monday 00:00 (UTC+7)', () => {
    expect(vnWeek(new Date('2026-06-10T05:00:00Z'))).toEqual({ from: '2026-06-08', to: '2026-06-14', endsAt: new Date('2026-06-14T17:00:00Z') });
    // Sunday 23:59 in Hanoi is still that week; a minute later the next one begins
    expect(vnWeek(new Date('2026-06-14T16:59:00Z')).from).toBe('2026-06-08');
    expect(vnWeek(new Date('2026-06-14T17:00:00Z')).from).toBe('2026-06-15');
    // across a year's end
    expect(vnWeek(new Date('2026-12-31T10:00:00Z'))).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
  });
});

describe('previousHalfYear', () => {
  it('steps back one half, across a year', () => {
    expect(previousHalfYear({ year: 2026, half: 2 })).toEqual({ year: 2026, half: 1 });
    expect(previousHalfYear({ year: 2026, half: 1 })).toEqual({ year: 2025, half: 2 });
  });
});

describe('vnDateTime', () => {
  it('writes the moment as dd/mm/yyyy HH:mm on Vietnam’s clock (24 h)', () => {
    expect(vnDateTime(new Date('2026-06-30T17:05:00Z'))).toBe('01/07/2026 00:05');
    expect(vnDateTime(new Date('2026-01-02T12:30:00Z'))).toBe('02/01/2026 19:30');
  });
});
