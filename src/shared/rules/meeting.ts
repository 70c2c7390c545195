/**
 * A residential cell's meeting with its working members (Art. 4.3), as one transition table.
 * Minutes lock by time (rule set `minutesLockDays`), not by a state: after the lock they change only by amendment.
 */

export const meetingStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingActions = ['schedule', 'record', 'edit', 'hold', 'cancel'] as const;
export type MeetingAction = (typeof meetingActions)[number];

export interface MeetingTransition {
  action: MeetingAction;
  /** empty: the action creates the meeting */
  from: readonly MeetingStatus[];
  to: MeetingStatus;
}

export const meetingTransitions: readonly MeetingTransition[] = [
  // A meeting ahead: every working member placed in the cell is invited.
  { action: 'schedule', from: [], to: 'scheduled' },
  // A meeting that already took place, entered afterwards: no invitations; attendance and minutes follow.
  { action: 'record', from: [], to: 'held' },
  // Time, place, agenda and topics change while the meeting is ahead; invitees are told.
  { action: 'edit', from: ['scheduled'], to: 'scheduled' },
  // The secretary records that it took place (attendance and minutes follow).
  { action: 'hold', from: ['scheduled'], to: 'held' },
  { action: 'cancel', from: ['scheduled'], to: 'cancelled' },
];

export function meetingTransition(action: MeetingAction): MeetingTransition {
  return meetingTransitions.find((t) => t.action === action)!;
}

export function canMeeting(action: MeetingAction, status: MeetingStatus): boolean {
  return meetingTransition(action).from.includes(status);
}

/** A step already taken: holding a held meeting or cancelling a cancelled one changes nothing (a retry). */
export function isMeetingRepeat(action: MeetingAction, status: MeetingStatus): boolean {
  const t = meetingTransition(action);
  return t.from.length > 0 && t.to === status && !t.from.includes(status);
}

/** Ahead of its record: the meetings the secretary may still hold or cancel, and invitees are reminded of. */
export const openMeetingStatuses: readonly MeetingStatus[] = meetingTransition('hold').from;
/** Took place: what compliance, attendance records and absence runs count. */
export const heldMeetingStatus: MeetingStatus = meetingTransition('hold').to;
export const cancelledMeetingStatus: MeetingStatus = meetingTransition('cancel').to;

/**
 * What is recorded on a meeting without changing its status, and in which statuses: the invitee's answer
 * while it is ahead; check-in and the tick list unless it was cancelled; the minutes (their text, the
 * contributions, the attachments) once it took place.
 */
export const meetingRecords = ['rsvp', 'checkIn', 'attendance', 'minutes'] as const;
export type MeetingRecord = (typeof meetingRecords)[number];

export const meetingRecordStatuses: Record<MeetingRecord, readonly MeetingStatus[]> = {
  rsvp: openMeetingStatuses,
  checkIn: [...openMeetingStatuses, heldMeetingStatus],
  attendance: [...openMeetingStatuses, heldMeetingStatus],
  minutes: [heldMeetingStatus],
};

export function canRecordMeeting(record: MeetingRecord, status: MeetingStatus): boolean {
  return meetingRecordStatuses[record].includes(status);
}

/** Warnings (Art. 4.4): the cell committee reminds or warns; open at the deadline → the workplace is told. */
export const warningStatuses = ['open', 'resolved', 'escalated', 'withdrawn'] as const;
export type WarningStatus = (typeof warningStatuses)[number];
export const warningActions = ['resolve', 'withdraw', 'escalate', 'reply'] as const;
export type WarningAction = (typeof warningActions)[number];

export const warningTransitions: readonly {
  action: WarningAction;
  from: readonly WarningStatus[];
  to: WarningStatus;
}[] = [
  { action: 'reply', from: ['open', 'escalated'], to: 'open' },
  { action: 'resolve', from: ['open', 'escalated'], to: 'resolved' },
  { action: 'withdraw', from: ['open'], to: 'withdrawn' },
  // system, at the deadline
  { action: 'escalate', from: ['open'], to: 'escalated' },
];

/** What a new warning starts as, and the one status in which it is unique per member, kind and reason (migration 0013). */
export const newWarningStatus: WarningStatus = 'open';

export function warningTransition(action: WarningAction) {
  return warningTransitions.find((t) => t.action === action)!;
}

export function canWarning(action: WarningAction, status: WarningStatus): boolean {
  return warningTransition(action).from.includes(status);
}

export function warningTarget(action: WarningAction, status: WarningStatus): WarningStatus {
  // A reply does not change an escalated warning back to open.
  if (action === 'reply') return status;
  return warningTransition(action).to;
}

/**
 * The cell's meetings to act on (`when` on the meeting list, counted on the home page): those ahead this week
 * (Monday to Sunday, Vietnam), and those whose time has passed with no record that they were held.
 */
export const meetingQueues = ['week', 'toRecord'] as const;
export type MeetingQueue = (typeof meetingQueues)[number];

/**
 * Warnings to follow up (`queue` on the warning list): `due` — still open with the deadline within
 * WARNING_DUE_DAYS (the cell checks whether the member improved before it escalates); `unresolved` — open or
 * escalated, not yet resolved (what the member still has to answer).
 */
export const WARNING_DUE_DAYS = 7;
export const warningQueues = ['due', 'unresolved'] as const;
export type WarningQueue = (typeof warningQueues)[number];
