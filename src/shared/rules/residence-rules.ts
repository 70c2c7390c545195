/**
 * The numbers Regulation 213 and its guide leave to the rule set: how often a cell meets its working members,
 * when reminders go out, when a run of absences is reported, when minutes lock. One object per rule-set
 * version; a cycle or a cell's life reads the active one, so a successor regulation changes data, not code.
 */
export interface ResidenceLifeRules {
  id: string;
  /** Art. 4.3: regular meetings with working members required per half-year */
  regularMeetingsPerHalfYear: number;
  /** invitations are followed by reminders this many days before the meeting */
  reminderDaysBefore: number[];
  /** Art. 4.4: this many unexcused absences in a row are reported to the commune and the workplace */
  consecutiveUnexcusedAbsencesToReport: number;
  /** minutes can be edited for this many days after the meeting; later changes are audited amendments */
  minutesLockDays: number;
  /** self check-in by QR opens this many minutes before the start and closes this many after the end */
  checkInOpensMinutesBefore: number;
  checkInClosesMinutesAfter: number;
  /** arriving later than this after the start is recorded as "late" */
  lateAfterMinutes: number;
}

export const reg213LifeRules: ResidenceLifeRules = {
  id: 'reg-213-2020',
  regularMeetingsPerHalfYear: 1,
  reminderDaysBefore: [3, 1],
  consecutiveUnexcusedAbsencesToReport: 2,
  minutesLockDays: 7,
  checkInOpensMinutesBefore: 30,
  checkInClosesMinutesAfter: 30,
  lateAfterMinutes: 15,
};

// Half-years count on Vietnam's one calendar (Art. 4.3); kept here under their old names for the importers.
export {
  halfYearDays as halfYearRange,
  previousHalfYear,
  vnHalfYear as halfYearOf,
  type HalfYear,
} from './vietnam-calendar';

export const attendanceStatuses = [
  'present',
  'late',
  'absent_excused',
  'absent_unexcused',
  'excused_exempt',
  'unrecorded',
] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** Who counts as having taken part, for rates and the yearly evaluation's evidence. */
export function attended(status: AttendanceStatus): boolean {
  return status === 'present' || status === 'late';
}

/**
 * Self check-in: only inside the window around the meeting; late when past the grace period.
 * Returns null when the window is closed.
 */
export function checkInStatus(
  now: Date,
  startsAt: Date,
  endsAt: Date,
  rules: ResidenceLifeRules,
): 'present' | 'late' | null {
  const opens = startsAt.getTime() - rules.checkInOpensMinutesBefore * 60_000;
  const closes = endsAt.getTime() + rules.checkInClosesMinutesAfter * 60_000;
  const t = now.getTime();
  if (t < opens || t > closes) return null;
  return t > startsAt.getTime() + rules.lateAfterMinutes * 60_000 ? 'late' : 'present';
}

/** Length of the run of unexcused absences at the end of a member's attendance history (oldest first). */
export function trailingUnexcused(history: AttendanceStatus[]): number {
  let n = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const s = history[i]!;
    if (s === 'absent_unexcused') n++;
    else if (s === 'unrecorded') continue;
    else break;
  }
  return n;
}
