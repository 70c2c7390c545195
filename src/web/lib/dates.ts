import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';

dayjs.extend(customParseFormat);

export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** ISO yyyy-mm-dd (or a timestamp) → dd/mm/yyyy for display. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_TIME_FORMAT) : value;
}

/** Parser for Mantine DateInput: accepts dd/mm/yyyy (and d/m/yyyy, yyyy-mm-dd). */
export function parseDisplayDate(input: string): string | null {
  const d = dayjs(input.trim(), ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'YYYY-MM-DD'], true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
}

/** An ISO calendar day (yyyy-mm-dd) that exists, as the contracts' `isoDateSchema` wants it. */
export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value, 'YYYY-MM-DD', true).isValid();
}

/** What is wrong with a typed date, to say it in words (`common:validation.date.<kind>`). */
export type DateTextProblem =
  | { kind: 'format' }
  | { kind: 'month'; month: string }
  | { kind: 'day'; month: string; year: number; days: number };

/** Why typed text is not a date: "31/02/2026" → February 2026 has 28 days; "45/13/2026" → no month 13. */
export function dateTextProblem(input: string): DateTextProblem | null {
  const text = input.trim();
  if (!text || parseDisplayDate(text)) return null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const parts = dmy
    ? { month: Number(dmy[2]), year: Number(dmy[3]) }
    : ymd
      ? { month: Number(ymd[2]), year: Number(ymd[1]) }
      : null;
  if (!parts) return { kind: 'format' };
  const month = String(parts.month).padStart(2, '0');
  if (parts.month < 1 || parts.month > 12) return { kind: 'month', month };
  return { kind: 'day', month, year: parts.year, days: dayjs(`${parts.year}-${month}-01`).daysInMonth() };
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function setDayjsLocale(locale: string) {
  dayjs.locale(locale === 'en' ? 'en' : 'vi');
}
