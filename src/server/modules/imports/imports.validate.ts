import { z } from 'zod';
import { cardNumberSchema, citizenIdSchema, phoneSchema } from '../../../shared/contracts/members';
import { foldVietnamese } from '../../../shared/rules/vietnamese-name';
import { checkMemberRules } from '../members/member-rules';
import { CATEGORY_LABELS, COLUMN_BY_KEY, SEX_LABELS, type ImportKey } from './imports.columns';
import type { RawCell, RawRow } from './imports.parse';

export interface RowError {
  field: string;
  code: string;
}

/** A row after per-cell checks: normalised values (only for the columns the file has) and its errors. */
export interface CheckedRow {
  rowNo: number;
  data: Record<string, string | null>;
  errors: RowError[];
}

const emailSchema = z.email();

/** Starts like a spreadsheet formula (CSV/formula injection, OWASP): =, +, -, @, or a leading tab / carriage return. */
const FORMULA_START = /^[=+\-@]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

export function looksLikeFormula(raw: string): boolean {
  if (raw.startsWith('\t') || raw.startsWith('\r')) return true;
  const t = raw.trim();
  return FORMULA_START.test(t) && !PLAIN_NUMBER.test(t);
}

function isoFromParts(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** dd/mm/yyyy, d/m/yyyy (also with - or .), yyyy-mm-dd, Excel date cells and Excel serial numbers. */
export function parseDateCell(cell: RawCell): string | null | 'invalid' {
  if (cell.kind === 'date' && cell.date)
    return (
      isoFromParts(cell.date.getUTCFullYear(), cell.date.getUTCMonth() + 1, cell.date.getUTCDate()) ??
      'invalid'
    );
  const t = cell.text.trim();
  if (!t) return null;
  if (cell.kind === 'number' && /^\d+(\.\d+)?$/.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial < 1 || serial > 80_000) return 'invalid';
    const dt = new Date(Math.round((serial - 25569) * 86_400_000));
    return isoFromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()) ?? 'invalid';
  }
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return isoFromParts(Number(m[3]), Number(m[2]), Number(m[1])) ?? 'invalid';
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid';
  return 'invalid';
}

const SEX_VALUES = new Map<string, string>([
  [foldVietnamese(SEX_LABELS.male), 'male'],
  [foldVietnamese(SEX_LABELS.female), 'female'],
  ['male', 'male'],
  ['female', 'female'],
]);
const CATEGORY_VALUES = new Map<string, string>([
  ...Object.entries(CATEGORY_LABELS).map(([k, v]) => [foldVietnamese(v), k] as [string, string]),
  ...Object.keys(CATEGORY_LABELS).map((k) => [k, k] as [string, string]),
]);

/** Member fields the import writes (its data keys); reference columns add cellId / residenceCommuneId / residenceAreaId. */
const TEXT_KEYS: ImportKey[] = [
  'jobTitle',
  'registeredProvince',
  'registeredCommune',
  'registeredArea',
  'registeredStreet',
  'residenceProvince',
  'residenceStreet',
  'categoryReason',
];
const DATE_KEYS: ImportKey[] = ['dateOfBirth', 'dateAdmitted', 'dateOfficial', 'exemptFrom', 'exemptTo'];

/** Per-cell checks that need no database: formats, dates, choices, formula injection, member rules. */
export function checkRow(raw: RawRow, keys: ImportKey[], today: string): CheckedRow {
  const errors: RowError[] = [];
  const data: Record<string, string | null> = {};
  const bad = new Set<string>();
  const fail = (field: string, code: string) => {
    if (bad.has(field)) return;
    bad.add(field);
    errors.push({ field, code });
  };
  const present = new Set(keys);

  const text = (key: ImportKey): string => {
    const cell = raw.cells[key];
    if (!cell) return '';
    if (cell.kind === 'formula') {
      fail(key, 'import.formulaNotAllowed');
      return '';
    }
    if (cell.kind === 'error') {
      fail(key, 'field.invalid');
      return '';
    }
    if (cell.kind === 'string' && looksLikeFormula(cell.text)) {
      fail(key, 'import.formulaNotAllowed');
      return '';
    }
    return cell.text.normalize('NFC').trim().replace(/\s+/g, ' ');
  };

  // Formula check on every present cell, whatever the column.
  for (const key of keys) text(key);

  const fullName = text('fullName');
  data.fullName = fullName || null;
  if (!bad.has('fullName')) {
    if (!fullName) fail('fullName', 'field.required');
    else if (fullName.length < 3 || fullName.length > 120) fail('fullName', 'import.nameLength');
  }

  const sex = text('sex');
  data.sex = SEX_VALUES.get(foldVietnamese(sex)) ?? (sex || null);
  if (!bad.has('sex')) {
    if (!sex) fail('sex', 'field.required');
    else if (!SEX_VALUES.has(foldVietnamese(sex))) fail('sex', 'import.sexInvalid');
  }

  for (const key of DATE_KEYS) {
    if (!present.has(key)) continue;
    const cell = raw.cells[key];
    if (bad.has(key) || !cell) {
      data[key] = null;
      if (key === 'dateOfBirth' && !bad.has(key)) fail(key, 'field.required');
      continue;
    }
    const iso = parseDateCell(cell);
    if (iso === 'invalid') {
      data[key] = cell.text.trim() || null;
      fail(key, 'import.dateInvalid');
    } else {
      data[key] = iso;
      if (!iso && key === 'dateOfBirth') fail(key, 'field.required');
    }
  }

  const card = text('cardNumber');
  data.cardNumber = card || null;
  if (!bad.has('cardNumber')) {
    if (!card) fail('cardNumber', 'field.required');
    else if (!cardNumberSchema.safeParse(card).success) fail('cardNumber', 'cardNumber.format');
  }

  if (present.has('citizenId')) {
    let v = text('citizenId');
    // Excel drops the leading zeros of a number cell (CCCD starts with the province code, e.g. 001…).
    if (raw.cells.citizenId?.kind === 'number' && /^\d{9,11}$/.test(v)) v = v.padStart(12, '0');
    data.citizenId = v || null;
    if (v && !bad.has('citizenId') && !citizenIdSchema.safeParse(v).success)
      fail('citizenId', 'citizenId.format');
  }

  if (present.has('phone')) {
    let v = text('phone').replace(/[\s.]/g, '');
    if (raw.cells.phone?.kind === 'number' && /^[1-9]\d{8,9}$/.test(v)) v = `0${v}`;
    data.phone = v || null;
    if (v && !bad.has('phone') && !phoneSchema.safeParse(v).success) fail('phone', 'phone.format');
  }

  if (present.has('email')) {
    const v = text('email');
    data.email = v || null;
    if (v && !bad.has('email') && !emailSchema.safeParse(v).success) fail('email', 'field.invalidEmail');
  }

  for (const key of TEXT_KEYS) {
    if (!present.has(key)) continue;
    const v = text(key);
    data[key] = v || null;
    const max = COLUMN_BY_KEY.get(key)?.max ?? 200;
    if (v.length > max && !bad.has(key)) fail(key, 'import.tooLong');
  }

  if (present.has('category')) {
    const v = text('category');
    const category = v ? CATEGORY_VALUES.get(foldVietnamese(v)) : 'active';
    data.category = category ?? v;
    if (!category && !bad.has('category')) fail('category', 'import.categoryInvalid');
  }

  // References, resolved in bulk afterwards.
  data.cellCode = text('cellCode') || null;
  if (!data.cellCode && !bad.has('cellCode')) fail('cellCode', 'field.required');
  if (present.has('residenceCommuneCode') || present.has('residenceAreaName')) {
    data.residenceCommuneCode = text('residenceCommuneCode') || null;
    data.residenceAreaName = text('residenceAreaName') || null;
    if (data.residenceAreaName && !data.residenceCommuneCode && !bad.has('residenceCommuneCode'))
      fail('residenceCommuneCode', 'import.areaNeedsCommune');
  }

  const ruleErrors = checkMemberRules(
    {
      dateOfBirth: bad.has('dateOfBirth') ? null : data.dateOfBirth,
      dateAdmitted: bad.has('dateAdmitted') ? null : data.dateAdmitted,
      dateOfficial: bad.has('dateOfficial') ? null : data.dateOfficial,
      category: bad.has('category')
        ? null
        : ((data.category ?? 'active') as 'active' | 'exempt' | 'not_introduced'),
      categoryReason: data.categoryReason,
      exemptFrom: bad.has('exemptFrom') ? null : data.exemptFrom,
      exemptTo: bad.has('exemptTo') ? null : data.exemptTo,
    },
    today,
  );
  for (const [field, code] of Object.entries(ruleErrors)) fail(field, code);

  return { rowNo: raw.rowNo, data, errors };
}

/** Every row after the first with the same value gets the error (Party card numbers, citizen IDs). */
export function markDuplicatesInFile(
  rows: CheckedRow[],
  field: 'cardNumber' | 'citizenId',
  code: string,
): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const v = row.data[field];
    if (!v || row.errors.some((e) => e.field === field)) continue;
    if (first.has(v)) row.errors.push({ field, code });
    else first.set(v, row.rowNo);
  }
}

/** Residential areas are matched by name within the commune, ignoring case and diacritics. */
export function areaKey(communeId: string, name: string): string {
  return `${communeId}|${foldVietnamese(name)}`;
}
