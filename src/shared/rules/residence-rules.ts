import { z } from 'zod';

/**
 * The numbers Regulation 213 and its guide leave to the rule set: how often a cell meets its working members,
 * when reminders go out, when a run of absences is reported, when minutes lock. They are the `life` section of
 * a rule set's data (src/shared/rules/rule-sets/*.json, table rule_sets); each meeting is bound to the rule set
 * in force on its day (`meetings.rule_set_id`), so a successor regulation changes data, not code.
 */
export const lifeRulesSchema = z.object({
  /** Art. 4.3: regular meetings with working members required per half-year */
  regularMeetingsPerHalfYear: z.number().int().min(1).max(12),
  /** invitations are followed by reminders this many days before the meeting */
  reminderDaysBefore: z.array(z.number().int().min(0).max(30)).min(1).max(5),
  /** Art. 4.4: this many unexcused absences in a row are reported to the commune and the workplace */
  consecutiveUnexcusedAbsencesToReport: z.number().int().min(1).max(12),
  /** minutes can be edited for this many days after the meeting; later changes are audited amendments */
  minutesLockDays: z.number().int().min(0).max(90),
  /** self check-in by QR opens this many minutes before the start and closes this many after the end */
  checkInOpensMinutesBefore: z.number().int().min(0).max(240),
  checkInClosesMinutesAfter: z.number().int().min(0).max(240),
  /** arriving later than this after the start is recorded as "late" */
  lateAfterMinutes: z.number().int().min(0).max(240),
});
export type LifeRules = z.infer<typeof lifeRulesSchema>;

/** The life rules of one rule set, with the rule set's code. */
export interface ResidenceLifeRules extends LifeRules {
  id: string;
}

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
