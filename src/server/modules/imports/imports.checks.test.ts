import { describe, expect, it } from 'vitest';
import { newArea, newMember } from '../../../../tests/fixtures/factories';
import { commit, commitAndWait, csvFile, MIN_HEADERS, preview, xlsxFile } from './fixtures/helpers';
import { HEADERS11, row, useImportWorld } from './fixtures/world';

const w = useImportWorld();
const { memberByCard } = w;

describe('row checks against the file and the database', () => {
  it('flags duplicates inside the file, unknown cells, bad dates, formulas and rule violations', async () => {
    const cell = w.a.workplaceCell.code;
    const file = await xlsxFile(HEADERS11, [
      row('20000301', cell, { cccd: '001085012345' }),
      row('20000301', cell, { cccd: '001085012345' }),
      row('20000302', 'NO-SUCH-CELL'),
      row('20000303', cell, { admitted: '2010-13-01' }),
      row('20000304', cell, { name: { formula: 'HYPERLINK("http://evil.example","x")', result: 'x' } }),
      row('20000305', cell, { job: '=HYPERLINK("http://evil.example","x")' }),
      row('20000306', cell, { job: '@SUM(A1)', sex: 'X' }),
      row('20000307', cell, { dob: '01/01/2000', admitted: '01/01/2010' }),
      row('20000308', w.a.commune.code),
    ]);
    const job = await preview(w.t.app, w.officer, 'bad.xlsx', file);
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
    const outside = await newMember(w.database.db, {
      cellId: w.a.residentialCell.id,
      cardNumber: '20000401',
      jobTitle: 'Hưu trí',
    });
    const file = await xlsxFile(HEADERS11, [
      row('20000401', w.a.workplaceCell.code),
      row('20000402', w.a.residentialCell.code),
    ]);
    const job = await preview(w.t.app, w.workplaceOfficer, 'w.xlsx', file);
    expect(job.errors.map((e) => `${e.rowNo}:${e.field}:${e.code}`)).toEqual([
      '2:cardNumber:import.cardNumberOtherUnit',
      '3:cellCode:import.cellNotAllowed',
    ]);
    const res = await commit(w.t.app, w.workplaceOfficer, job.id, 'valid_only');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('import.noValidRows');
    expect((await memberByCard('20000401'))!.job_title).toBe('Hưu trí');
    expect(outside.cellId).toBe(w.a.residentialCell.id);
  });

  it('a citizen ID of another member in the database is a row error', async () => {
    await newMember(w.database.db, {
      cellId: w.a.workplaceCell.id,
      cardNumber: '20000501',
      citizenId: '001085099999',
    });
    const job = await preview(
      w.t.app,
      w.officer,
      'c.xlsx',
      await xlsxFile(HEADERS11, [row('20000502', w.a.workplaceCell.code, { cccd: '001085099999' })]),
    );
    expect(job.errors.map((e) => e.code)).toEqual(['import.citizenIdTaken']);
  });

  it('a CSV with semicolons, a BOM and loosely written headers works; areas match without diacritics', async () => {
    const area = await newArea(w.database.db, w.a.commune, { name: 'Tổ dân phố Đông Vĩnh' });
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
          w.a.workplaceCell.code,
          w.a.commune.code,
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
          w.a.workplaceCell.code,
          w.a.commune.code,
          'Tổ không có',
          'Miễn sinh hoạt',
          '',
          '',
        ],
        ['Lê Văn Năm', 'Nam', '1985-09-05', '20000703', w.a.workplaceCell.code, 'NOPE', '', '', '', ''],
      ],
      ';',
      true,
    );
    const job = await preview(w.t.app, w.officer, 'ds.csv', file);
    expect(job.errors.map((e) => `${e.rowNo}:${e.field}:${e.code}`)).toEqual([
      '3:categoryReason:member.reasonRequired',
      '3:exemptFrom:member.exemptFromRequired',
      '3:residenceAreaName:import.unknownArea',
      '4:residenceCommuneCode:import.unknownCommune',
    ]);
    await commitAndWait(w.t.app, w.officer, job.id);
    expect((await memberByCard('20000701'))!.residence_area_id).toBe(area.id);
  });

  it('a formula in a CSV cell is a row error; a phone number starting with + is fine', async () => {
    const file = csvFile([
      [...MIN_HEADERS, 'Điện thoại'],
      ['Lê Văn Sáu', 'Nam', '01/01/1980', '20000801', w.a.workplaceCell.code, '+84912345678'],
      ["=cmd|' /C calc'!A0", 'Nam', '01/01/1980', '20000802', w.a.workplaceCell.code, '-1+1'],
    ]);
    const job = await preview(w.t.app, w.officer, 'f.csv', file);
    expect(job.errors.map((e) => `${e.rowNo}:${e.field}:${e.code}`)).toEqual([
      '3:fullName:import.formulaNotAllowed',
      '3:phone:import.formulaNotAllowed',
    ]);
  });
});
