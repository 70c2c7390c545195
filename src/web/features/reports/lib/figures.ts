import type { FigureValues } from '../../../../shared/contracts/reports';
import { reportFigures, type FigureKey, type ReportSide } from '../../../../shared/rules/report-figures';
import { formatDays, formatVnd } from '../../../lib/numbers';

/**
 * A figure as the page shows it: a half-year figure is its half, or the sum of both for the whole year;
 * every other figure is its stored column.
 */
export function valueOf(values: FigureValues | undefined, key: FigureKey, half: number | null): number {
  if (!values) return 0;
  if (reportFigures[key].period !== 'half') return values[key] ?? 0;
  if (half === 1 || half === 2) return values[`${key}H${half}`] ?? 0;
  return (values[`${key}H1`] ?? 0) + (values[`${key}H2`] ?? 0);
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN').format(n);
}

export function formatFigure(key: FigureKey | string, n: number, locale: string): string {
  const def = reportFigures[key as FigureKey];
  if (def && 'unit' in def && def.unit === 'vnd') return formatVnd(n);
  if (def && 'unit' in def && def.unit === 'days') return formatDays(n, locale);
  return formatCount(n, locale);
}

export function formatPercent(p: number | null, locale: string): string {
  if (p === null) return '—';
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(p)}\u00a0%`;
}

/** What the list behind a number needs to show the same rows the number counts. */
export interface DrillTarget {
  unitId?: string;
  figure: string;
  side: ReportSide;
  year: number;
  half?: number;
  scope?: 'tree' | 'own';
}
