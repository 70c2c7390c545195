import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { MemberListItem, MemberListQuery } from '../../../shared/contracts/members';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Actor } from '../../http/actor';
import { iterateMembers, type MemberDeps } from '../members/members.service';
import { formatDate, neutraliseFormula } from '../../documents/xlsx';
import {
  CATEGORY_LABELS,
  COLUMN_BY_KEY,
  DATA_SHEET,
  SEX_LABELS,
  STATUS_LABELS,
  type ImportKey,
} from './imports.columns';

export type ExportFilters = Omit<MemberListQuery, 'limit' | 'cursor'>;

// Shared with every export: src/server/documents/xlsx.ts
export { formatDate, neutraliseFormula } from '../../documents/xlsx';

const header = (key: ImportKey) => COLUMN_BY_KEY.get(key)!.header;

const EXPORT_COLUMNS: { header: string; width: number; value: (m: MemberListItem) => string }[] = [
  { header: header('fullName'), width: 26, value: (m) => m.fullName },
  { header: header('sex'), width: 10, value: (m) => SEX_LABELS[m.sex] },
  { header: header('dateOfBirth'), width: 13, value: (m) => formatDate(m.dateOfBirth) },
  { header: header('cardNumber'), width: 15, value: (m) => m.cardNumber },
  { header: header('phone'), width: 14, value: (m) => m.phone ?? '' },
  { header: 'Chi bộ', width: 30, value: (m) => m.cellName },
  { header: 'Nơi ở: Xã/Phường', width: 24, value: (m) => m.residenceCommuneName ?? '' },
  { header: header('residenceAreaName'), width: 20, value: (m) => m.residenceAreaName ?? '' },
  { header: header('category'), width: 16, value: (m) => CATEGORY_LABELS[m.category] },
  { header: 'Trạng thái', width: 20, value: (m) => STATUS_LABELS[m.status] },
];

export const EXPORT_HEADERS = EXPORT_COLUMNS.map((c) => c.header);

/** File name of an export made on `now`, in Vietnam time: dang-vien-YYYYMMDD.xlsx */
export function exportFileName(now: Date): string {
  return `dang-vien-${vnDay(now).replace(/-/g, '')}.xlsx`;
}

/**
 * Stream every member the actor can see and the filters select, batch by batch, into an xlsx.
 * The first batch is read before the stream is returned, so a database error still becomes a proper HTTP error.
 */
export async function exportMembers(
  deps: MemberDeps,
  actor: Actor,
  filters: ExportFilters,
  /** told how many rows the file holds once the last one is written (the export's audit entry) */
  onDone?: (rowCount: number) => Promise<unknown> | void,
): Promise<PassThrough> {
  const batches = iterateMembers(deps, actor, filters);
  const first = await batches.next();
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const write = async () => {
    let batch = first;
    let rowCount = 0;
    while (!batch.done) {
      for (const m of batch.value)
        sheet.addRow(EXPORT_COLUMNS.map((c) => neutraliseFormula(c.value(m)))).commit();
      rowCount += batch.value.length;
      batch = await batches.next();
    }
    sheet.commit();
    await workbook.commit();
    await onDone?.(rowCount);
  };
  write().catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
  return stream;
}
