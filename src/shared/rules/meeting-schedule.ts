/**
 * When a meeting may be entered, and how (Art. 4.3). One rule for the contract, the server and the form:
 * a meeting ahead is scheduled (invitations go out); one that already took place is recorded as held
 * afterwards (no invitations). Each problem is a message key the server and the web translate.
 */

import type { MeetingAction } from './meeting';

/** How a meeting enters the system: the transitions `schedule` and `record` of the meetings table. */
export const meetingEntries = ['schedule', 'record'] as const satisfies readonly MeetingAction[];
export type MeetingEntry = (typeof meetingEntries)[number];

/** A meeting of the cell is an evening or a day, not longer. */
export const MAX_MEETING_HOURS = 24;

export interface MeetingTimeProblem {
  field: 'startsAt' | 'endsAt';
  key:
    | 'meetings.endBeforeStart'
    | 'meetings.tooLong'
    | 'meetings.inPast'
    | 'meetings.editInPast'
    | 'meetings.notYetHeld';
}

const ms = (iso: string | Date) => (iso instanceof Date ? iso.getTime() : new Date(iso).getTime());

/** The end must come after the start, within a day. Unreadable times are the format check's business. */
export function meetingTimesProblem(
  startsAt: string | Date,
  endsAt: string | Date,
): MeetingTimeProblem | null {
  const s = ms(startsAt);
  const e = ms(endsAt);
  if (Number.isNaN(s) || Number.isNaN(e)) return null;
  if (!(e > s)) return { field: 'endsAt', key: 'meetings.endBeforeStart' };
  if (e - s > MAX_MEETING_HOURS * 3600_000) return { field: 'endsAt', key: 'meetings.tooLong' };
  return null;
}

/**
 * Scheduling invites members to something ahead: refused once the meeting is over (it would sit as
 * "upcoming" and invite people to the past), pointing to recording it instead. Recording says it took
 * place: refused before the start, like "record as held".
 */
export function meetingEntryProblem(
  entry: MeetingEntry | 'edit',
  startsAt: string | Date,
  endsAt: string | Date,
  now: Date,
): MeetingTimeProblem | null {
  const s = ms(startsAt);
  const e = ms(endsAt);
  if (Number.isNaN(s) || Number.isNaN(e)) return null;
  if (entry === 'record') return s > now.getTime() ? { field: 'startsAt', key: 'meetings.notYetHeld' } : null;
  if (e > now.getTime()) return null;
  return { field: 'startsAt', key: entry === 'edit' ? 'meetings.editInPast' : 'meetings.inPast' };
}
