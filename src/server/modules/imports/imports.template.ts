import ExcelJS from 'exceljs';
import {
  CATEGORY_LABELS,
  DATA_SHEET,
  GUIDE_SHEET,
  IMPORT_COLUMNS,
  SEX_LABELS,
  STATUS_LABELS,
} from './imports.columns';
import { MAX_IMPORT_ROWS } from './imports.parse';

/** The import template: headers (bold, frozen), one example row, and a guide sheet explaining every column. */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Residence Link';
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
    // Text format keeps the leading zeros of card numbers, citizen IDs and phone numbers, and stops Excel guessing dates.
    style: c.kind ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9D9' } };
  });
  sheet.addRow(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.example || null])));
  const last = MAX_IMPORT_ROWS + 1;
  const sexCol = sheet.getColumn('sex').letter;
  const categoryCol = sheet.getColumn('category').letter;
  // Drop-down lists for the closed choices (Excel shows them; the importer checks them anyway).
  const validations = (
    sheet as unknown as { dataValidations?: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations?.add(`${sexCol}2:${sexCol}${last}`, {
    type: 'list',
    allowBlank: false,
    formulae: [`"${SEX_LABELS.male},${SEX_LABELS.female}"`],
  });
  validations?.add(`${categoryCol}2:${categoryCol}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${Object.values(CATEGORY_LABELS).join(',')}"`],
  });

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: 'Cột', key: 'header', width: 28 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Cách ghi', key: 'help', width: 90 },
  ];
  guide.getRow(1).font = { bold: true };
  guide.views = [{ state: 'frozen', ySplit: 1 }];
  for (const c of IMPORT_COLUMNS)
    guide.addRow({ header: c.header, required: c.required ? 'Có' : '', help: c.help });
  guide.addRow({});
  const notes = [
    `Giới tính: ${Object.values(SEX_LABELS).join(' / ')}.`,
    `Phân loại: ${Object.values(CATEGORY_LABELS).join(' / ')}.`,
    `Trạng thái (chỉ có trong tệp xuất, không nhập): ${Object.values(STATUS_LABELS).join(' / ')}. Việc chuyển sinh hoạt, xóa tên, từ trần… cập nhật trong hồ sơ đảng viên.`,
    'Ngày tháng: dd/mm/yyyy (ví dụ 05/09/1985).',
    'Các cột có dấu * là bắt buộc. Không dùng công thức; không bắt đầu ô bằng =, +, -, @.',
    `Mỗi tệp tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng, 15 MB. Nhận .xlsx hoặc .csv (UTF-8, dấu phẩy hoặc chấm phẩy).`,
    'Đảng viên đã có (cùng số thẻ đảng) sẽ được cập nhật theo tệp; các cột không có trong tệp giữ nguyên.',
  ];
  for (const n of notes) guide.addRow({ header: n });
  for (let i = IMPORT_COLUMNS.length + 3; i <= guide.rowCount; i++) guide.mergeCells(i, 1, i, 3);
  guide.getColumn('help').alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
