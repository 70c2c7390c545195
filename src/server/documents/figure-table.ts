/**
 * How a FigureTable's cells are printed, the same in PDF and DOCX: Vietnamese number format, which
 * cells are right-aligned, and the relative column widths.
 */
import type { FigureTable } from './official-report';

/** Tables wider than this go on a landscape page. */
export const MAX_PORTRAIT_COLUMNS = 7;

export const isWide = (t: FigureTable): boolean => t.columns.length > MAX_PORTRAIT_COLUMNS;

/**
 * Vietnamese style: "." groups thousands and "," marks decimals (1.234.567; 95,5). Decimals are cut to
 * two places, enough for the rates the reports carry. Strings are printed as the caller wrote them.
 */
export function formatFigure(value: string | number): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '–';
  const rounded = Math.round(Math.abs(value) * 100) / 100;
  const [whole, fraction] = rounded
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
}

// Already formatted figures ("95,5", "12%", "–" for "not applicable") line up with the numbers.
const FIGURE_TEXT = /^[-–—+]?[\d.,\s]*%?$/;

/** Right-align figures so their digits line up; the first column is the row label. */
export function isFigureCell(value: string | number, column: number): boolean {
  if (column === 0) return false;
  return typeof value === 'number' || FIGURE_TEXT.test(value.trim());
}

/** The table's widths scaled to `total`; without (valid) widths the label column is three times the others. */
export function columnWidths(t: FigureTable, total: number): number[] {
  const n = Math.max(t.columns.length, 1);
  const given = t.widths?.length === n && t.widths.every((w) => w > 0) ? t.widths : null;
  const weights = given ?? Array.from({ length: n }, (_, i) => (i === 0 && n > 1 ? 3 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * total);
}

/** The cells of a row as printed, padded or cut to the number of columns. */
export function rowCells(t: FigureTable, row: (string | number)[]): string[] {
  return t.columns.map((_, i) => formatFigure(row[i] ?? ''));
}
