import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { BadRequest, Invalid } from '../../http/errors';
import { COLUMN_BY_KEY, DATA_SHEET, keyForHeader, REQUIRED_KEYS, type ImportKey } from './imports.columns';

/** More rows than a grassroots committee ever holds (Vinh city: ~21,000 working members); beyond it, split the file. */
export const MAX_IMPORT_ROWS = 50_000;

/** One spreadsheet cell as read: the text a person sees and what kind of value Excel held. Nothing is evaluated. */
export interface RawCell {
  text: string;
  kind: 'string' | 'number' | 'date' | 'formula' | 'error';
  date?: Date;
}

export interface RawRow {
  /** row number as the person sees it in the spreadsheet (header is row 1) */
  rowNo: number;
  cells: Partial<Record<ImportKey, RawCell>>;
}

export interface ParsedFile {
  format: 'xlsx' | 'csv';
  keys: ImportKey[];
  rows: RawRow[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Decide the format from the bytes (never from the name alone) and read it into rows keyed by column. */
export async function parseImportFile(bytes: Buffer, fileName: string): Promise<ParsedFile> {
  if (bytes.length === 0) throw new Invalid('import.empty');
  const lower = fileName.toLowerCase();
  if (isZip(bytes)) return { format: 'xlsx', ...(await readXlsx(bytes)) };
  if (lower.endsWith('.xlsx') || lower.endsWith('.xls') || lower.endsWith('.xlsm'))
    throw new BadRequest('import.unsupportedType');
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) throw new BadRequest('import.unsupportedType');
  return { format: 'csv', ...readCsv(bytes) };
}

// ---------- xlsx ----------

async function readXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new BadRequest('import.corruptFile');
  }
  const sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new BadRequest('import.corruptFile');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 5)
    throw new Invalid('import.tooManyRows', undefined, { max: MAX_IMPORT_ROWS });
  const matrix: { rowNo: number; cells: RawCell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = readExcelValue(cell.value);
    });
    matrix.push({ rowNo, cells });
  });
  return toRows(matrix);
}

function readExcelValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return { text: '', kind: 'string' };
  if (typeof value === 'string') return { text: value, kind: 'string' };
  if (typeof value === 'number') return { text: String(value), kind: 'number' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'string' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), kind: 'date', date: value };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { text: '', kind: 'formula' };
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), kind: 'string' };
    if ('error' in value) return { text: String(value.error), kind: 'error' };
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      if (typeof t === 'string') return { text: t, kind: 'string' };
      const rich = (t as { richText?: { text: string }[] }).richText;
      return { text: rich ? rich.map((r) => r.text).join('') : '', kind: 'string' };
    }
  }
  return { text: String(value as unknown), kind: 'string' };
}

// ---------- csv ----------

function readCsv(bytes: Buffer) {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequest('import.csvEncoding');
  }
  if (text.includes('\u0000')) throw new BadRequest('import.unsupportedType');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new Invalid('import.empty');
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw new BadRequest('import.corruptFile');
  }
  if (records.length > MAX_IMPORT_ROWS + 5)
    throw new Invalid('import.tooManyRows', undefined, { max: MAX_IMPORT_ROWS });
  return toRows(
    records.map((r, i) => ({ rowNo: i + 1, cells: r.map((t): RawCell => ({ text: t, kind: 'string' })) })),
  );
}

/** Excel in Vietnamese locales saves CSV with ';'; count both outside quotes on the header line. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

// ---------- shared ----------

/** Find the header row (the best match among the first rows), map columns to keys, keep non-blank data rows. */
function toRows(matrix: { rowNo: number; cells: RawCell[] }[]): { keys: ImportKey[]; rows: RawRow[] } {
  const nonBlank = matrix.filter((r) => r.cells.some((c) => c && c.text.trim() !== ''));
  if (nonBlank.length === 0) throw new Invalid('import.empty');
  let headerIndex = 0;
  let best = -1;
  nonBlank.slice(0, 5).forEach((r, i) => {
    const hits = r.cells.filter((c) => c && keyForHeader(c.text)).length;
    if (hits > best) {
      best = hits;
      headerIndex = i;
    }
  });
  const header = nonBlank[headerIndex]!;
  const columns = new Map<number, ImportKey>();
  const seen = new Set<ImportKey>();
  header.cells.forEach((c, col) => {
    const key = c ? keyForHeader(c.text) : undefined;
    if (key && !seen.has(key)) {
      seen.add(key);
      columns.set(col, key);
    }
  });
  const missing = REQUIRED_KEYS.filter((k) => !seen.has(k));
  if (missing.length)
    throw new Invalid('import.missingColumns', undefined, {
      columns: missing.map((k) => COLUMN_BY_KEY.get(k)!.header).join(', '),
    });
  const dataRows = nonBlank.slice(headerIndex + 1);
  if (dataRows.length === 0) throw new Invalid('import.empty');
  if (dataRows.length > MAX_IMPORT_ROWS)
    throw new Invalid('import.tooManyRows', undefined, { max: MAX_IMPORT_ROWS });
  const rows = dataRows.map((r): RawRow => {
    const cells: RawRow['cells'] = {};
    for (const [col, key] of columns) {
      const cell = r.cells[col];
      if (cell) cells[key] = cell;
    }
    return { rowNo: r.rowNo, cells };
  });
  return { keys: [...seen], rows };
}
