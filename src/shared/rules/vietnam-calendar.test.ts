import { describe, expect, it } from 'vitest';
import { vnWeek } from './vietnam-calendar';

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
