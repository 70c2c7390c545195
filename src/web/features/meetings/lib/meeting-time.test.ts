import { describe, expect, it } from 'vitest';
import { canAnswer, canHold, canTick, checkInWindow, isCheckInOpen, toMeetingTimes } from './meeting-time';

const m = {
  status: 'scheduled' as const,
  startsAt: '2026-06-10T12:00:00.000Z',
  endsAt: '2026-06-10T13:30:00.000Z',
  // as the server sends them under rule set reg-213-2020 (30 minutes each side)
  checkInOpensAt: '2026-06-10T11:30:00.000Z',
  checkInClosesAt: '2026-06-10T14:00:00.000Z',
};
const at = (iso: string) => new Date(iso);

describe('meeting moments', () => {
  it('opens self check-in in the window the meeting comes with', () => {
    const w = checkInWindow(m);
    expect(w.opens.toISOString()).toBe('2026-06-10T11:30:00.000Z');
    expect(w.closes.toISOString()).toBe('2026-06-10T14:00:00.000Z');
    expect(isCheckInOpen(m, at('2026-06-10T11:29:00Z'))).toBe(false);
    expect(isCheckInOpen(m, at('2026-06-10T11:30:00Z'))).toBe(true);
    expect(isCheckInOpen({ ...m, status: 'cancelled' }, at('2026-06-10T12:00:00Z'))).toBe(false);
  });

  it('takes answers until the start, ticks from the window, holds from the start', () => {
    expect(canAnswer(m, at('2026-06-10T11:59:59Z'))).toBe(true);
    expect(canAnswer(m, at('2026-06-10T12:00:00Z'))).toBe(false);
    expect(canTick(m, at('2026-06-10T11:00:00Z'))).toBe(false);
    expect(canTick(m, at('2026-06-10T11:45:00Z'))).toBe(true);
    expect(canHold(m, at('2026-06-10T11:59:00Z'))).toBe(false);
    expect(canHold(m, at('2026-06-10T12:00:00Z'))).toBe(true);
    expect(canHold({ ...m, status: 'held' }, at('2026-06-10T15:00:00Z'))).toBe(false);
  });

  it('builds timestamps from the form, an end before the start left for the contract to refuse', () => {
    const t = toMeetingTimes('2026-06-10', '19:30', '21:00');
    expect(new Date(t.endsAt).getTime() - new Date(t.startsAt).getTime()).toBe(90 * 60_000);
    const slip = toMeetingTimes('2026-06-10', '20:00', '19:00');
    expect(new Date(slip.endsAt).getTime()).toBeLessThan(new Date(slip.startsAt).getTime());
    expect(toMeetingTimes('2026-06-10', '25:00', '')).toEqual({ startsAt: '', endsAt: '' });
  });
});
