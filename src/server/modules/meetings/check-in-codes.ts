import { createHmac, timingSafeEqual } from 'node:crypto';
import { formatTimedCode, parseTimedCode, slotRange, windowSlots } from '../../../shared/rules/check-in-code';

/**
 * The QR's changing codes (decision 0010): an HMAC of the meeting and the slot under the meeting's
 * `check_in_key`, which never leaves the server. The secretary's phone gets the codes of the whole window
 * ahead, so the QR keeps changing at the meeting even when that phone is offline too.
 */

function sign(key: string, meetingId: string, slot: number): string {
  return createHmac('sha256', key).update(`${meetingId}:${slot}`).digest('base64url').slice(0, 22);
}

export function timedCheckInCodes(key: string, meetingId: string, window: { opens: Date; closes: Date }) {
  return windowSlots(window.opens, window.closes).map((slot) => ({
    from: slotRange(slot).from.toISOString(),
    code: formatTimedCode(slot, sign(key, meetingId, slot)),
  }));
}

/**
 * Which code was scanned: the plain one of the copied link (`slot: null`, it proves no time), a signed timed
 * one (its slot), or neither (null).
 */
export function readCheckInCode(
  m: { id: string; checkInCode: string; checkInKey: string },
  code: string,
): { slot: number | null } | null {
  if (code === m.checkInCode) return { slot: null };
  const timed = parseTimedCode(code);
  if (!timed) return null;
  const expected = Buffer.from(sign(m.checkInKey, m.id, timed.slot));
  const given = Buffer.from(timed.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { slot: timed.slot } : null;
}
