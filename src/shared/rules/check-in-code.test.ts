import { describe, expect, it } from 'vitest';
import { checkInSlot, formatTimedCode, offlineScanProblem, parseTimedCode, slotRange, windowSlots } from './check-in-code';

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00+07:00`);
const window = { opens: at('18:30'), closes: at('21:00') };
const now = at('22:00');

describe('the QR’s changing codes', () => {
  it('names the five minutes it was shown in, and reads back', () => {
    const slot = checkInSlot(at('19:07'));
    expect(slotRange(slot)).toEqual({ from: at('19:05'), to: at('19:10') });
    expect(parseTimedCode(formatTimedCode(slot, 'abcdefghijklmnopqrstuv'))).toEqual({ slot, signature: 'abcdefghijklmnopqrstuv' });
    expect(parseTimedCode('plainCode123')).toBeNull();
    expect(windowSlots(window.opens, window.closes)).toHaveLength(31);
  });

  it('accepts a scan time near the code’s minutes inside the window, and says why it refuses the others', () => {
    const slot = checkInSlot(at('19:07'));
    const check = (scannedAt: Date, codeSlot: number | null = slot, n = now) => offlineScanProblem({ scannedAt, codeSlot, now: n, window });
    expect(check(at('19:08'))).toBeNull();
    expect(check(at('19:18'))).toBeNull(); // a phone clock a few minutes off
    expect(check(at('19:30'))).toBe('meeting_checkin_scan_mismatch');
    expect(check(at('18:50'))).toBe('meeting_checkin_scan_mismatch');
    expect(check(at('19:08'), slot, at('19:00'))).toBe('meeting_checkin_scan_future');
    expect(check(at('18:25'), checkInSlot(at('18:30')))).toBe('meeting_checkin_scan_outside');
    expect(check(at('19:08'), null)).toBe('meeting_checkin_offline_needs_qr');
  });
});
