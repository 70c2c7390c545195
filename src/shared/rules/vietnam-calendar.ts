import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Every date rule of the regulation counts on Vietnam's calendar (UTC+7, no daylight saving): the day a
 * letter is numbered, the year a comment belongs to, the half-year a cell must meet in (Art. 4.3).
 * One module so that "today", "this year" and "this half-year" are computed the same way everywhere.
 */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** yyyy-mm-dd of the Vietnamese calendar day `at` falls on. */
export function vnDay(at: Date): string {
  return dayjs(at).tz(VN_TIME_ZONE).format('YYYY-MM-DD');
}

export function vnYear(at: Date): number {
  return Number(vnDay(at).slice(0, 4));
}

export interface HalfYear {
  year: number;
  half: 1 | 2;
}

/** Art. 4.3 counts per half-year: January–June and July–December. */
export function vnHalfYear(at: Date): HalfYear {
  const day = vnDay(at);
  return { year: Number(day.slice(0, 4)), half: Number(day.slice(5, 7)) <= 6 ? 1 : 2 };
}

/** First and last calendar day (inclusive) of a half-year, yyyy-mm-dd. */
export function halfYearDays(h: HalfYear): { from: string; to: string } {
  return h.half === 1
    ? { from: `${h.year}-01-01`, to: `${h.year}-06-30` }
    : { from: `${h.year}-07-01`, to: `${h.year}-12-31` };
}

/** Where a half-year stands on a given moment: over (its figures are final), under way, or ahead. */
export function halfYearState(h: HalfYear, at: Date): 'ended' | 'current' | 'future' {
  const now = vnHalfYear(at);
  const order = (x: HalfYear) => x.year * 2 + x.half;
  if (order(h) < order(now)) return 'ended';
  return order(h) === order(now) ? 'current' : 'future';
}

/** A calendar day moved by whole days (yyyy-mm-dd in, yyyy-mm-dd out). */
export function shiftDay(day: string, days: number): string {
  return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');
}

/** The Vietnamese calendar week of `at` (Monday to Sunday) and the moment it ends (next Monday 00:00, UTC+7). */
export function vnWeek(at: Date): { from: string; to: string; endsAt: Date } {
  const day = vnDay(at);
  const fromMonday = (dayjs.utc(day).day() + 6) % 7;
  const from = shiftDay(day, -fromMonday);
  const next = shiftDay(from, 7);
  return { from, to: shiftDay(from, 6), endsAt: dayjs.tz(next, VN_TIME_ZONE).toDate() };
}

/** The half-year before `h` (the one a job closes once it is over). */
export function previousHalfYear(h: HalfYear): HalfYear {
  return h.half === 2 ? { year: h.year, half: 1 } : { year: h.year - 1, half: 2 };
}

/** dd/mm/yyyy HH:mm in Vietnam, for texts such as e-mails. */
export function vnDateTime(at: Date): string {
  return dayjs(at).tz(VN_TIME_ZONE).format('DD/MM/YYYY HH:mm');
}
