import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobSchema } from '../../../shared/contracts/imports';
import { memberListResponseSchema } from '../../../shared/contracts/members';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newArea, newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import {
  commit,
  commitAndWait,
  csvFile,
  MIN_HEADERS,
  preview,
  TEMPLATE_HEADERS,
  upload,
  xlsxFile,
} from './fixtures/helpers';
import { waitForCommit } from './imports.service';

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let b: Awaited<ReturnType<typeof newProvinceTree>>;
let admin: Session;
let officer: Session;
let workplaceOfficer: Session;
let memberSession: Session;

const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(database.db, query))[0]!.n;
const jobCount = () => count(sql`select count(*)::int as n from import_jobs`);
const memberByCard = async (card: string) =>
  (
    await queryRows<{
      id: string;
      cell_id: string;
      job_title: string | null;
      updated_at: string;
      residence_area_id: string | null;
    }>(
      database.db,
      sql`select id, cell_id, job_title, updated_at::text, residence_area_id from members where card_number = ${card}`,
    )
  )[0];

/** A full template row: name, sex, birth, card, cccd, phone, email, admitted, official, cell code, job title. */
function row(
  card: string,
  cellCode: string,
  overrides: Partial<Record<string, ExcelJS.CellValue>> = {},
): ExcelJS.CellValue[] {
  const base: Record<string, ExcelJS.CellValue> = {
    name: 'Nguyễn Văn Nhập',
    sex: 'Nam',
    dob: '20/05/1985',
    card,
    cccd: '',
    phone: '0912345678',
    email: '',
    admitted: '03/02/2010',
    official: '03/02/2011',
    cell: cellCode,
    job: 'Kỹ sư',
    ...overrides,
  };
  return [
    base.name,
    base.sex,
    base.dob,
    base.card,
    base.cccd,
    base.phone,
    base.email,
    base.admitted,
    base.official,
    base.cell,
    base.job,
  ].map((v) => v ?? null);
}
const HEADERS11 = TEMPLATE_HEADERS.slice(0, 11);

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const db = database.db;
  a = await newProvinceTree(db, 'A');
  b = await newProvinceTree(db, 'B');
  await newUser(db, { username: 'admin', grants: [{ role: 'admin' }] });
  await newUser(db, {
    username: 'officer.a',
    grants: [{ role: 'committee_officer', unitId: a.province.id }],
  });
  await newUser(db, {
    username: 'officer.w',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id }],
  });
  const m = await newMember(db, { cellId: a.residentialCell.id, cardNumber: '11110000' });
  await newUser(db, { username: 'member.a', memberId: m.id, grants: [{ role: 'member' }] });
  admin = await loginAs(t.app, 'admin');
  officer = await loginAs(t.app, 'officer.a');
  workplaceOfficer = await loginAs(t.app, 'officer.w');
  memberSession = await loginAs(t.app, 'member.a');
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('template', () => {
  it('downloads an xlsx with the Vietnamese headers and a guide sheet', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/members/import/template.xlsx',
      headers: { cookie: officer.cookie },
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
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/members/import/template.xlsx',
      headers: { cookie: officer.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Đảng viên')!;
    sheet.getRow(2).getCell(TEMPLATE_HEADERS.indexOf('Mã chi bộ*') + 1).value = a.workplaceCell.code;
    sheet.getRow(2).getCell(TEMPLATE_HEADERS.indexOf('Nơi ở: Mã xã/phường') + 1).value = a.commune.code;
    sheet.getRow(2).getCell(TEMPLATE_HEADERS.indexOf('Nơi ở: Thôn/Tổ dân phố') + 1).value = 'khoi a1';
    const job = await preview(t.app, officer, 'mau.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(job.errors).toEqual([]);
    expect(job.validRows).toBe(1);
    await t.app.inject({ method: 'DELETE', url: `/api/members/import/${job.id}`, headers: officer.headers });
  });

  it('is not found for a member', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/members/import/template.xlsx',
      headers: { cookie: memberSession.cookie },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('preview and commit', () => {
  it('previews a bad row with its row number and field, imports the rest, and a re-import changes nothing', async () => {
    const cell = a.workplaceCell.code;
    const file = await xlsxFile(HEADERS11, [
      row('20000001', cell, { name: 'Trần Thị Một', sex: 'Nữ' }),
      row('20000002', cell, { dob: '31/02/1985' }),
      row('20000003', cell, { dob: new Date(Date.UTC(1990, 0, 15)), phone: 912345679 }),
    ]);
    const before = await jobCount();
    const job = await preview(t.app, officer, 'ds.xlsx', file);
    expect(await jobCount()).toBe(before + 1);
    expect(job).toMatchObject({ status: 'previewed', totalRows: 3, validRows: 2, errorRows: 1 });
    expect(job.errors).toEqual([
      {
        rowNo: 3,
        field: 'dateOfBirth',
        code: 'import.dateInvalid',
        message: expect.stringContaining('dd/mm/yyyy'),
      },
    ]);
    expect(await memberByCard('20000001')).toBeUndefined();

    const done = await commitAndWait(t.app, officer, job.id, 'valid_only');
    expect(done).toMatchObject({
      status: 'committed',
      insertedRows: 2,
      updatedRows: 0,
      unchangedRows: 0,
      processedRows: 3,
    });
    const one = await memberByCard('20000001');
    expect(one?.cell_id).toBe(a.workplaceCell.id);
    expect(await memberByCard('20000002')).toBeUndefined();
    const three = (
      await queryRows<{ phone: string; date_of_birth: string }>(
        database.db,
        sql`select phone, date_of_birth::text from members where card_number = '20000003'`,
      )
    )[0];
    expect(three).toEqual({ phone: '0912345679', date_of_birth: '1990-01-15' });
    expect(
      await count(
        sql`select count(*)::int as n from unit_memberships where member_id = ${one!.id} and kind = 'party_cell' and valid_to is null`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'member.created' and after->>'importJobId' = ${job.id}`,
      ),
    ).toBe(2);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'member.import_committed' and entity_id = ${job.id}`,
      ),
    ).toBe(1);
    const notes = await queryRows<{ params: { inserted: number; fileName: string } }>(
      database.db,
      sql`select params from notifications where kind = 'import_committed'`,
    );
    expect(notes.at(-1)?.params).toMatchObject({ inserted: 2, fileName: 'ds.xlsx' });

    // Same file again: nothing changes, updated_at stays.
    const again = await preview(t.app, officer, 'ds.xlsx', file);
    const redone = await commitAndWait(t.app, officer, again.id, 'valid_only');
    expect(redone).toMatchObject({ status: 'committed', insertedRows: 0, updatedRows: 0, unchangedRows: 2 });
    expect((await memberByCard('20000001'))!.updated_at).toBe(one!.updated_at);

    // A real change (job title, and a move to another cell) updates and moves the membership.
    const changed = await xlsxFile(HEADERS11, [
      row('20000001', a.residentialCell.code, { name: 'Trần Thị Một', sex: 'Nữ', job: 'Trưởng phòng' }),
    ]);
    const job3 = await commitAndWait(t.app, officer, (await preview(t.app, officer, 'ds2.xlsx', changed)).id);
    expect(job3).toMatchObject({ insertedRows: 0, updatedRows: 1, unchangedRows: 0 });
    const moved = await memberByCard('20000001');
    expect(moved).toMatchObject({ cell_id: a.residentialCell.id, job_title: 'Trưởng phòng' });
    expect(moved!.updated_at).not.toBe(one!.updated_at);
    const memberships = await queryRows<{ unit_id: string; valid_to: string | null }>(
      database.db,
      sql`select unit_id, valid_to::text from unit_memberships where member_id = ${one!.id} and kind = 'party_cell' order by valid_from, created_at`,
    );
    expect(memberships).toEqual([
      { unit_id: a.workplaceCell.id, valid_to: '2026-11-23' },
      { unit_id: a.residentialCell.id, valid_to: null },
    ]);
    const upd = await queryRows<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      database.db,
      sql`select before, after from audit_log where action = 'member.updated' and entity_id = ${one!.id}`,
    );
    expect(upd).toHaveLength(1);
    expect(upd[0]!.before).toEqual({ jobTitle: 'Kỹ sư', cellId: a.workplaceCell.id });
    expect(upd[0]!.after).toMatchObject({
      jobTitle: 'Trưởng phòng',
      cellId: a.residentialCell.id,
      importJobId: job3.id,
    });
  });

  it('all_or_nothing refuses a file with errors and writes nothing', async () => {
    const file = await xlsxFile(HEADERS11, [
      row('20000101', a.workplaceCell.code),
      row('123', a.workplaceCell.code),
    ]);
    const job = await preview(t.app, officer, 'x.xlsx', file);
    expect(job.errors).toMatchObject([{ rowNo: 3, field: 'cardNumber', code: 'cardNumber.format' }]);
    const res = await commit(t.app, officer, job.id, 'all_or_nothing');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('import.hasErrors');
    expect(await memberByCard('20000101')).toBeUndefined();
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/members/import/${job.id}`,
      headers: { cookie: officer.cookie },
    });
    expect(after.json().status).toBe('previewed');
  });

  it('all_or_nothing imports a clean file in one go', async () => {
    const file = await xlsxFile(HEADERS11, [
      row('20000201', a.workplaceCell.code),
      row('20000202', a.workplaceCell.code),
    ]);
    const job = await preview(t.app, officer, 'ok.xlsx', file);
    expect(await commitAndWait(t.app, officer, job.id, 'all_or_nothing')).toMatchObject({
      status: 'committed',
      insertedRows: 2,
    });
  });

  it('flags duplicates inside the file, unknown cells, bad dates, formulas and rule violations', async () => {
    const cell = a.workplaceCell.code;
    const file = await xlsxFile(HEADERS11, [
      row('20000301', cell, { cccd: '001085012345' }),
      row('20000301', cell, { cccd: '001085012345' }),
      row('20000302', 'NO-SUCH-CELL'),
      row('20000303', cell, { admitted: '2010-13-01' }),
      row('20000304', cell, { name: { formula: 'HYPERLINK("http://evil.example","x")', result: 'x' } }),
      row('20000305', cell, { job: '=HYPERLINK("http://evil.example","x")' }),
      row('20000306', cell, { job: '@SUM(A1)', sex: 'X' }),
      row('20000307', cell, { dob: '01/01/2000', admitted: '01/01/2010' }),
      row('20000308', a.commune.code),
    ]);
    const job = await preview(t.app, officer, 'bad.xlsx', file);
    const byRow = (n: number) => job.errors.filter((e) => e.rowNo === n).map((e) => `${e.field}:${e.code}`);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual([
      'cardNumber:import.duplicateCardInFile',
      'citizenId:import.duplicateCitizenIdInFile',
    ]);
    expect(byRow(4)).toEqual(['cellCode:import.unknownCell']);
    expect(byRow(5)).toEqual(['dateAdmitted:import.dateInvalid']);
    expect(byRow(6)).toEqual(['fullName:import.formulaNotAllowed']);
    expect(byRow(7)).toEqual(['jobTitle:import.formulaNotAllowed']);
    expect(byRow(8)).toEqual(['jobTitle:import.formulaNotAllowed', 'sex:import.sexInvalid']);
    expect(byRow(9)).toEqual(['dateAdmitted:member.admittedTooYoung']);
    expect(byRow(10)).toEqual(['cellCode:import.cellNotAllowed']);
    expect(job).toMatchObject({ totalRows: 9, validRows: 1, errorRows: 8 });
    expect(job.errors.every((e) => e.message && e.message !== e.code)).toBe(true);
  });

  it('a card number of a member outside the officer’s units is a row error, never an update', async () => {
    const outside = await newMember(database.db, {
      cellId: a.residentialCell.id,
      cardNumber: '20000401',
      jobTitle: 'Hưu trí',
    });
    const file = await xlsxFile(HEADERS11, [
      row('20000401', a.workplaceCell.code),
      row('20000402', a.residentialCell.code),
    ]);
    const job = await preview(t.app, workplaceOfficer, 'w.xlsx', file);
    expect(job.errors.map((e) => `${e.rowNo}:${e.field}:${e.code}`)).toEqual([
      '2:cardNumber:import.cardNumberOtherUnit',
      '3:cellCode:import.cellNotAllowed',
    ]);
    const res = await commit(t.app, workplaceOfficer, job.id, 'valid_only');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('import.noValidRows');
    expect((await memberByCard('20000401'))!.job_title).toBe('Hưu trí');
    expect(outside.cellId).toBe(a.residentialCell.id);
  });

  it('a citizen ID of another member in the database is a row error', async () => {
    await newMember(database.db, {
      cellId: a.workplaceCell.id,
      cardNumber: '20000501',
      citizenId: '001085099999',
    });
    const job = await preview(
      t.app,
      officer,
      'c.xlsx',
      await xlsxFile(HEADERS11, [row('20000502', a.workplaceCell.code, { cccd: '001085099999' })]),
    );
    expect(job.errors.map((e) => e.code)).toEqual(['import.citizenIdTaken']);
  });

  it('a double-submitted commit imports once', async () => {
    const file = await xlsxFile(HEADERS11, [
      row('20000601', a.workplaceCell.code),
      row('20000602', a.workplaceCell.code),
    ]);
    const job = await preview(t.app, officer, 'd.xlsx', file);
    const [r1, r2] = await Promise.all([
      commit(t.app, officer, job.id, 'valid_only'),
      commit(t.app, officer, job.id, 'valid_only'),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([202, 409]);
    await waitForCommit(job.id);
    const r3 = await commit(t.app, officer, job.id, 'valid_only');
    expect(r3.statusCode).toBe(409);
    expect(r3.json().error.code).toBe('import.wrongState');
    expect(
      await count(sql`select count(*)::int as n from members where card_number in ('20000601', '20000602')`),
    ).toBe(2);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'member.import_committed' and entity_id = ${job.id}`,
      ),
    ).toBe(1);
  });

  it('a CSV with semicolons, a BOM and loosely written headers works; areas match without diacritics', async () => {
    const area = await newArea(database.db, a.commune, { name: 'Tổ dân phố Đông Vĩnh' });
    const file = csvFile(
      [
        [
          'ho va ten',
          'GIOI TINH *',
          'Ngày sinh',
          'so the dang',
          'Ma chi bo',
          'noi o: ma xa/phuong',
          'Nơi ở : Thôn/Tổ dân phố',
          'Phân loại',
          'Lý do',
          'Miễn từ ngày',
        ],
        [
          'Lê Văn Ba',
          'nam',
          '5/9/1985',
          '20000701',
          a.workplaceCell.code,
          a.commune.code,
          'to dan pho dong vinh',
          'Miễn sinh hoạt',
          'Đi học dài hạn',
          '01/09/2026',
        ],
        [
          'Lê Văn Bốn',
          'Nam',
          '1985-09-05',
          '20000702',
          a.workplaceCell.code,
          a.commune.code,
          'Tổ không có',
          'Miễn sinh hoạt',
          '',
          '',
        ],
        ['Lê Văn Năm', 'Nam', '1985-09-05', '20000703', a.workplaceCell.code, 'NOPE', '', '', '', ''],
      ],
      ';',
      true,
    );
    const job = await preview(t.app, officer, 'ds.csv', file);
    expect(job.errors.map((e) => `${e.rowNo}:${e.field}:${e.code}`)).toEqual([
      '3:categoryReason:member.reasonRequired',
      '3:exemptFrom:member.exemptFromRequired',
      '3:residenceAreaName:import.unknownArea',
      '4:residenceCommuneCode:import.unknownCommune',
    ]);
    await commitAndWait(t.app, officer, job.id);
    expect((await memberByCard('20000701'))!.residence_area_id).toBe(area.id);
  });

  it('a formula in a CSV cell is a row error; a phone number starting with + is fine', async () => {
    const file = csvFile([
      [...MIN_HEADERS, 'Điện thoại'],
      ['Lê Văn Sáu', 'Nam', '01/01/1980', '20000801', a.workplaceCell.code, '+84912345678'],
      ["=cmd|' /C calc'!A0", 'Nam', '01/01/1980', '20000802', a.workplaceCell.code, '-1+1'],
    ]);
    const job = await preview(t.app, officer, 'f.csv', file);
    expect(job.errors.map((e) => `${e.rowNo}:${e.field}:${e.code}`)).toEqual([
      '3:fullName:import.formulaNotAllowed',
      '3:phone:import.formulaNotAllowed',
    ]);
  });

  it('the creator or an admin may see a job; others get 404; a previewed job can be discarded', async () => {
    const job = await preview(
      t.app,
      officer,
      'g.xlsx',
      await xlsxFile(HEADERS11, [row('20000901', a.workplaceCell.code)]),
    );
    const get = (s: Session) =>
      t.app.inject({ method: 'GET', url: `/api/members/import/${job.id}`, headers: { cookie: s.cookie } });
    expect((await get(officer)).statusCode).toBe(200);
    expect((await get(admin)).statusCode).toBe(200);
    expect((await get(workplaceOfficer)).statusCode).toBe(404);
    expect((await get(memberSession)).statusCode).toBe(404);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/members/import/${job.id}`,
      headers: officer.headers,
    });
    expect(del.statusCode).toBe(200);
    expect(importJobSchema.parse(del.json()).status).toBe('discarded');
    expect(await count(sql`select count(*)::int as n from import_rows where job_id = ${job.id}`)).toBe(0);
    expect((await commit(t.app, officer, job.id, 'valid_only')).statusCode).toBe(409);
  });
});

describe('bad files write nothing', () => {
  const expectRefused = async (
    fileName: string,
    bytes: Buffer,
    status: number,
    code: string,
    s: Session = officer,
  ) => {
    const before = await jobCount();
    const res = await upload(t.app, s, fileName, bytes);
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
      csvFile([MIN_HEADERS, ['Lê Văn A', 'Nam', '01/01/1980', '20001001', a.workplaceCell.code]]),
      404,
      'not_found',
      memberSession,
    );
  });
});

describe('export', () => {
  const exportRows = async (s: Session, query: string) => {
    const res = await t.app.inject({
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
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/members?limit=200&${query}`,
      headers: { cookie: s.cookie },
    });
    return memberListResponseSchema.parse(res.json()).items;
  };

  it('streams the filtered list the actor can see, with dd/mm/yyyy dates and formula-safe text', async () => {
    await newMember(database.db, {
      cellId: a.workplaceCell.id,
      cardNumber: '20001101',
      fullName: '=HYPERLINK("x")',
      dateOfBirth: '1979-12-31',
    });
    await newMember(database.db, { cellId: b.workplaceCell.id, cardNumber: '20001102' });
    const rows = await exportRows(officer, `unitId=${a.workplace.id}`);
    const [header, ...data] = rows;
    expect(header!.slice(0, 4)).toEqual(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số thẻ đảng']);
    const listed = await listAll(officer, `unitId=${a.workplace.id}`);
    expect(data.map((r) => r[3])).toEqual(listed.map((m) => m.cardNumber));
    expect(data.length).toBeGreaterThan(3);
    const evil = data.find((r) => r[3] === '20001101')!;
    expect(evil[0]).toBe(`'=HYPERLINK("x")`);
    expect(evil[2]).toBe('31/12/1979');
    expect(data.some((r) => r[3] === '20001102')).toBe(false);

    // Scope: the province-B member is only in the admin's export.
    const all = await exportRows(admin, '');
    expect(all.some((r) => r[3] === '20001102')).toBe(true);
    const mine = await exportRows(memberSession, '');
    expect(mine.slice(1).map((r) => r[3])).toEqual(['11110000']);
  });
});
