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

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function setDayjsLocale(locale: string) {
  dayjs.locale(locale === 'en' ? 'en' : 'vi');
}
