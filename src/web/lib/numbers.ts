/** Money is always shown the Vietnamese way (1.500.000 ₫), whatever the UI language: it is VND. */
const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });

export function formatVnd(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  // Intl puts a narrow no-break space before ₫; a plain no-break space wraps the same and reads the same
  return vnd.format(value).replace(/\u202f/g, '\u00a0');
}

/** Work days with one decimal (2,5 in Vietnamese, 2.5 in English). */
export function formatDays(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** File sizes: 850 KB, 2,4 MB. */
export function formatBytes(bytes: number, locale: string): string {
  const nf = (max: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: max });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nf(0).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${nf(1).format(bytes / 1024 / 1024)} MB`;
}
