import dayjs from 'dayjs';
import type { WarningStatus } from '../../../../shared/rules/meeting';

/** The last few years, newest first, for the "year" selects of evidence cards. */
export function yearOptions(span = 4, now = new Date()): { value: string; label: string }[] {
  return Array.from({ length: span + 1 }, (_, i) => String(now.getFullYear() - i)).map((y) => ({
    value: y,
    label: y,
  }));
}

/** An ISO day `days` after `from` (yyyy-mm-dd): the default deadline of a warning. */
export function isoDaysAfter(from: string, days: number): string {
  return dayjs(from).add(days, 'day').format('YYYY-MM-DD');
}

/**
 * Art. 4.4: a warning still waiting for the member's improvement once its deadline has passed.
 * Days are compared as yyyy-mm-dd strings (the deadline is a calendar day, no time zone).
 */
export function isOverdue(w: { deadline: string; status: WarningStatus }, today: string): boolean {
  return (w.status === 'open' || w.status === 'escalated') && w.deadline < today;
}
