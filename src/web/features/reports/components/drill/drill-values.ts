import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../../../lib/dates';
import { formatDays, formatVnd } from '../../../../lib/numbers';
import type { DrillRow } from '../../../../../shared/contracts/reports';
import { hrefs, paths } from '../../../../app/paths';

/** Which translation a coded column's values read from (the same words the rest of the app uses). */
const enumNamespace: Record<string, string> = {
  category: 'enums:category',
  stage: 'enums:introStage',
  status: 'enums:letterStatus',
  attendance: 'meetings:attendance',
  meetingStatus: 'meetings:status',
  meetingKind: 'meetings:kind',
  warningKind: 'cellLife:warningKind',
  warningStatus: 'cellLife:warningStatus',
  activityKind: 'cellLife:activityKind',
  evaluationStatus: 'evaluations:status',
  disputeStatus: 'reports:disputeStatus',
  outcome: 'reports:outcome',
};
const dateColumns = new Set(['dueDate', 'deadline', 'startsOn']);
const momentColumns = new Set(['issuedAt', 'placedAt', 'rejectedAt', 'createdAt', 'startsAt', 'openedAt']);

export function displayValue(column: string, value: string | number | null, t: TFunction, locale: string): string {
  if (value === null || value === '') return '—';
  if (column === 'moneyVnd') return formatVnd(Number(value));
  if (column === 'workDays') return formatDays(Number(value), locale);
  if (typeof value === 'number') return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN').format(value);
  if (enumNamespace[column]) return t(`${enumNamespace[column]}.${value}`, { defaultValue: value });
  if (dateColumns.has(column)) return formatDate(value);
  if (momentColumns.has(column)) return formatDateTime(value);
  return value;
}

/** Where a row leads: the member, the letter, the meeting, the form, the activity, or the cell's own figures. */
export function rowHref(row: DrillRow): { to: string; search?: Record<string, string> } | null {
  const link = row.link;
  if (!link) return null;
  switch (link.kind) {
    case 'member':
      return { to: hrefs.member(link.id) };
    case 'letter':
      return { to: hrefs.letter(link.id) };
    case 'meeting':
      return { to: hrefs.meeting(link.id) };
    case 'evaluation':
      return { to: hrefs.evaluation(link.id) };
    case 'activity':
      return { to: hrefs.activity(link.id) };
    case 'unit':
      return { to: paths.reports, search: { unitId: link.id } };
  }
}
