/**
 * The QR shown at a meeting changes every few minutes. Its code names the few minutes it was on screen and is
 * signed by the server (`modules/meetings/check-in-codes.ts`), so a check-in made on a phone that was offline,
 * and sent later with the phone's scan time, is accepted only if that time agrees with the code: the server
 * never takes the phone's clock alone for when the member was there (decision 0010).
 */

export const CHECK_IN_SLOT_MINUTES = 5;
/** how far a phone's scan time may lie from the minutes its code was shown (a phone clock a little off) */
export const SCAN_TOLERANCE_MINUTES = 10;
/** how far ahead of the server's clock a scan time may be before it is "in the future" */
export const FUTURE_SKEW_MS = 2 * 60_000;

const slotMs = CHECK_IN_SLOT_MINUTES * 60_000;

export function checkInSlot(at: Date): number {
  return Math.floor(at.getTime() / slotMs);
}

export function slotRange(slot: number): { from: Date; to: Date } {
  return { from: new Date(slot * slotMs), to: new Date((slot + 1) * slotMs) };
}

/** The slots of a check-in window, first to last: the QR at the meeting steps through them. */
export function windowSlots(opens: Date, closes: Date): number[] {
  const slots: number[] = [];
  for (let s = checkInSlot(opens); s <= checkInSlot(closes); s++) slots.push(s);
  return slots;
}

/** `t<slot>.<signature>`; the plain per-meeting code (the copied link) has no dot. */
export function formatTimedCode(slot: number, signature: string): string {
  return `t${slot}.${signature}`;
}

export function parseTimedCode(code: string): { slot: number; signature: string } | null {
  const match = /^t(\d{1,12})\.([\w-]{16,43})$/.exec(code);
  return match ? { slot: Number(match[1]), signature: match[2]! } : null;
}

/** Why a check-in sent later with its scan time is refused (message keys of the meetings module), or null. */
export type OfflineScanProblem =
  | 'meeting_checkin_offline_needs_qr'
  | 'meeting_checkin_scan_future'
  | 'meeting_checkin_scan_mismatch'
  | 'meeting_checkin_scan_outside';

export function offlineScanProblem(scan: {
  scannedAt: Date;
  /** the slot the signed code names; null for a code that proves no time (the copied link) */
  codeSlot: number | null;
  now: Date;
  window: { opens: Date; closes: Date };
}): OfflineScanProblem | null {
  if (scan.codeSlot === null) return 'meeting_checkin_offline_needs_qr';
  const t = scan.scannedAt.getTime();
  if (t > scan.now.getTime() + FUTURE_SKEW_MS) return 'meeting_checkin_scan_future';
  const shown = slotRange(scan.codeSlot);
  const tolerance = SCAN_TOLERANCE_MINUTES * 60_000;
  if (t < shown.from.getTime() - tolerance || t > shown.to.getTime() + tolerance) return 'meeting_checkin_scan_mismatch';
  if (t < scan.window.opens.getTime() || t > scan.window.closes.getTime()) return 'meeting_checkin_scan_outside';
  return null;
}

/** The window around a meeting in which members check themselves in (rule set: minutes before and after). */
export function checkInWindowOf(
  startsAt: Date,
  endsAt: Date,
  rules: { checkInOpensMinutesBefore: number; checkInClosesMinutesAfter: number },
): { opens: Date; closes: Date } {
  return {
    opens: new Date(startsAt.getTime() - rules.checkInOpensMinutesBefore * 60_000),
    closes: new Date(endsAt.getTime() + rules.checkInClosesMinutesAfter * 60_000),
  };
}
