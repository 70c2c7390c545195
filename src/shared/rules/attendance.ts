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

export function canAttendance(action: AttendanceAction, from: AttendanceStatus, to?: AttendanceStatus): boolean {
  const t = attendanceTransitions.find((x) => x.action === action)!;
  return t.from.includes(from) && (to === undefined || t.to.includes(to));
}
