import ExcelJS from 'exceljs';

/** Helpers shared by the spreadsheets the product writes (member export, review, dashboards, reports). */

/** dd/mm/yyyy, as people write dates in Vietnam. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A value opened in a spreadsheet must never run as a formula (CSV/formula injection, OWASP):
 * text starting with = + - @ (or tab / carriage return) gets a leading apostrophe.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
  /** rows (0-based, data rows) to set in bold, e.g. a total */
  boldRows?: number[];
  /** a line above the table (what, for which unit, as of when) */
  title?: string;
}

/** A workbook of plain tables: header frozen, text neutralised, numbers kept as numbers. */
export async function tablesWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = wb.addWorksheet(spec.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
    let first = 1;
    if (spec.title) {
      sheet.addRow([spec.title]).font = { bold: true };
      first = 2;
    }
    const header = sheet.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    spec.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
    sheet.views = [{ state: 'frozen', ySplit: first, xSplit: 1 }];
    spec.rows.forEach((values, i) => {
      const row = sheet.addRow(values.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
      if (spec.boldRows?.includes(i)) row.font = { bold: true };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
