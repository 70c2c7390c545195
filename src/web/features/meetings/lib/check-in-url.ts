import type { MeetingDetail } from '../../../../shared/contracts/meetings';

/**
 * The URL the QR shows now: the check-in link with the code of the current five minutes (decision 0010), so a
 * check-in made on a phone without signal can prove when it was scanned. Before the window the first code,
 * after it the last; the plain link when the meeting has no codes.
 */
export function checkInUrlAt(
  m: Pick<MeetingDetail, 'checkInCodes'> & { checkInUrl: string },
  now: Date,
): string {
  const codes = m.checkInCodes ?? [];
  const current = codes.findLast((c) => new Date(c.from).getTime() <= now.getTime()) ?? codes[0];
  if (!current) return m.checkInUrl;
  const url = new URL(m.checkInUrl);
  url.searchParams.set('code', current.code);
  return url.toString();
}
