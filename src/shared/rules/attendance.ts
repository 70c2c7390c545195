import { attendanceStatuses, type AttendanceStatus } from './residence-rules';

/**
 * One invited member's attendance row (Art. 4.3), as a transition table: the member checks in with the QR
 * (present or late by the time of the scan), or the secretary ticks the list. A second scan changes nothing.
 */
export const attendanceActions = ['selfCheckIn', 'tick'] as const;
export type AttendanceAction = (typeof attendanceActions)[number];

export const attendanceTransitions: readonly {
  action: AttendanceAction;
  from: readonly AttendanceStatus[];
  to: readonly AttendanceStatus[];
}[] = [
  {
    action: 'selfCheckIn',
    from: ['unrecorded', 'absent_unexcused', 'absent_excused', 'excused_exempt'],
    to: ['present', 'late'],
  },
  { action: 'tick', from: attendanceStatuses, to: attendanceStatuses.filter((s) => s !== 'unrecorded') },
];

export function canAttendance(
  action: AttendanceAction,
  from: AttendanceStatus,
  to?: AttendanceStatus,
): boolean {
  const t = attendanceTransitions.find((x) => x.action === action)!;
  return t.from.includes(from) && (to === undefined || t.to.includes(to));
}

/** Who counts as having taken part (rates, the member's record, the register's "present"). */
export const attendedStatuses: readonly AttendanceStatus[] = ['present', 'late'];

/** Rows left out of rates: exempt members, and rows nobody recorded. */
export const uncountedAttendanceStatuses: readonly AttendanceStatus[] = ['excused_exempt', 'unrecorded'];

/** The row a member invited to a meeting starts with: exempt members pre-marked as excused, the others unrecorded. */
export const expectedAttendanceStatus = {
  exempt: 'excused_exempt',
  other: 'unrecorded',
} as const satisfies Record<string, AttendanceStatus>;

/** An excused absence the secretary ticks needs its reason. */
export const excusedAbsenceStatus: AttendanceStatus = 'absent_excused';

/** Art. 4.4: what a run of absences counts, and what it passes over without breaking the run. */
export const unexcusedAbsenceStatus: AttendanceStatus = 'absent_unexcused';
export const skippedInAbsenceRun: AttendanceStatus = 'unrecorded';

/**
 * When the meeting is recorded as held, nobody recorded is nobody present: an invitee who said they could not
 * come is excused (with their reason), anyone else absent without excuse.
 */
export const attendanceOnHold = {
  declined: { from: ['unrecorded'], to: 'absent_excused' },
  silent: { from: ['unrecorded'], to: 'absent_unexcused' },
} as const satisfies Record<string, { from: readonly AttendanceStatus[]; to: AttendanceStatus }>;
