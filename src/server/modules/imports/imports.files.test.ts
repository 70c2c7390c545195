import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../tests/fixtures/app';
import { csvFile, MIN_HEADERS, preview, TEMPLATE_HEADERS, upload } from './fixtures/helpers';
import { useImportWorld } from './fixtures/world';

const w = useImportWorld();
const { jobCount } = w;

describe('template', () => {
  it('downloads an xlsx with the Vietnamese headers and a guide sheet', async () => {
    const res = await w.t.app.inject({
      method: 'GET',
      url: '/api/members/import/template.xlsx',
      headers: { cookie: w.officer.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Đảng viên')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(TEMPLATE_HEADERS);
    expect(headers).toContain('Họ và tên*');
    expect(headers).toContain('Nơi ở: Thôn/Tổ dân phố');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(wb.getWorksheet('Hướng dẫn')!.rowCount).toBeGreaterThan(20);
  });

  it('the template itself (with its example row, cell code replaced) imports', async () => {
    const res = await w.t.app.inject({
      method: 'GET',
      url: '/api/members/import/template.xlsx',
      headers: { cookie: w.officer.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Đảng viên')!;
    sheet.getRow(2).getCell(TEMPLATE_HEADERS.indexOf('Mã chi bộ*') + 1).value = w.a.workplaceCell.code;
    sheet.getRow(2).getCell(TEMPLATE_HEADERS.indexOf('Nơi ở: Mã xã/phường') + 1).value = w.a.commune.code;
    sheet.getRow(2).getCell(TEMPLATE_HEADERS.indexOf('Nơi ở: Thôn/Tổ dân phố') + 1).value = 'khoi a1';
    const job = await preview(w.t.app, w.officer, 'mau.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(job.errors).toEqual([]);
    expect(job.validRows).toBe(1);
    await w.t.app.inject({
      method: 'DELETE',
      url: `/api/members/import/${job.id}`,
      headers: w.officer.headers,
    });
  });

  it('is not found for a member', async () => {
    const res = await w.t.app.inject({
      method: 'GET',
      url: '/api/members/import/template.xlsx',
      headers: { cookie: w.memberSession.cookie },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('bad files write nothing', () => {
  const expectRefused = async (
    fileName: string,
    bytes: Buffer,
    status: number,
    code: string,
    s: Session = w.officer,
  ) => {
    const before = await jobCount();
    const res = await upload(w.t.app, s, fileName, bytes);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).not.toBe(code);
    expect(await jobCount()).toBe(before);
    return res;
  };
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  it('a PNG or a text file named .xlsx', async () => {
    await expectRefused('anh.xlsx', PNG, 400, 'import.unsupportedType');
    await expectRefused('ghichu.xlsx', Buffer.from('Họ và tên,Giới tính\n'), 400, 'import.unsupportedType');
    await expectRefused('anh.png', PNG, 400, 'import.unsupportedType');
  });

  it('a corrupt xlsx (zip magic then garbage)', async () => {
    const res = await expectRefused(
      'hong.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 7)]),
      400,
      'import.corruptFile',
    );
    expect(res.json().error.message).toContain('Excel');
  });

  it('an empty CSV, a header-only CSV, missing columns, a non-UTF-8 CSV', async () => {
    await expectRefused('rong.csv', Buffer.alloc(0), 422, 'import.empty');
    await expectRefused('rong2.csv', Buffer.from('\uFEFF\r\n\r\n'), 422, 'import.empty');
    await expectRefused('tieude.csv', csvFile([MIN_HEADERS]), 422, 'import.empty');
    const res = await expectRefused(
      'thieu.csv',
      csvFile([
        ['Họ và tên', 'Ngày sinh'],
        ['Lê Văn A', '01/01/1980'],
      ]),
      422,
      'import.missingColumns',
    );
    expect(res.json().error.message).toContain('Số thẻ đảng');
    await expectRefused('latin1.csv', Buffer.from([0x48, 0xe9, 0x2c, 0x41, 0x0a]), 400, 'import.csvEncoding');
  });

  it('too large a file is 413', async () => {
    await expectRefused('lon.csv', Buffer.alloc(15 * 1024 * 1024 + 10, 0x41), 413, 'payload_too_large');
  });

  it('a member-role user gets 404', async () => {
    await expectRefused(
      'x.csv',
      csvFile([MIN_HEADERS, ['Lê Văn A', 'Nam', '01/01/1980', '20001001', w.a.workplaceCell.code]]),
      404,
      'not_found',
      w.memberSession,
    );
  });
});
