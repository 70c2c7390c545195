import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { memberListResponseSchema } from '../../../shared/contracts/members';
import type { Session } from '../../../../tests/fixtures/app';
import { newMember } from '../../../../tests/fixtures/factories';
import { useImportWorld } from './fixtures/world';

const w = useImportWorld();

describe('export', () => {
  const exportRows = async (s: Session, query: string) => {
    const res = await w.t.app.inject({
      method: 'GET',
      url: `/api/members/export.xlsx?${query}`,
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="dang-vien-\d{8}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  };
  const listAll = async (s: Session, query: string) => {
    const res = await w.t.app.inject({
      method: 'GET',
      url: `/api/members?limit=200&${query}`,
      headers: { cookie: s.cookie },
    });
    return memberListResponseSchema.parse(res.json()).items;
  };

  it('streams the filtered list the actor can see, with dd/mm/yyyy dates and formula-safe text', async () => {
    await newMember(w.database.db, {
      cellId: w.a.workplaceCell.id,
      cardNumber: '20001101',
      fullName: '=HYPERLINK("x")',
      dateOfBirth: '1979-12-31',
    });
    await newMember(w.database.db, { cellId: w.b.workplaceCell.id, cardNumber: '20001102' });
    // more members of the unit, so the export is a list and not a single row (this file imports none)
    for (const cardNumber of ['20001103', '20001104', '20001105'])
      await newMember(w.database.db, { cellId: w.a.workplaceCell.id, cardNumber });
    const rows = await exportRows(w.officer, `unitId=${w.a.workplace.id}`);
    const [header, ...data] = rows;
    expect(header!.slice(0, 4)).toEqual(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số thẻ đảng']);
    const listed = await listAll(w.officer, `unitId=${w.a.workplace.id}`);
    expect(data.map((r) => r[3])).toEqual(listed.map((m) => m.cardNumber));
    expect(data.length).toBeGreaterThan(3);
    const evil = data.find((r) => r[3] === '20001101')!;
    expect(evil[0]).toBe(`'=HYPERLINK("x")`);
    expect(evil[2]).toBe('31/12/1979');
    expect(data.some((r) => r[3] === '20001102')).toBe(false);

    // Scope: the province-B member is only in the admin's export.
    const all = await exportRows(w.admin, '');
    expect(all.some((r) => r[3] === '20001102')).toBe(true);
    const mine = await exportRows(w.memberSession, '');
    expect(mine.slice(1).map((r) => r[3])).toEqual(['11110000']);
  });
});
