import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyResultSchema } from '../../../shared/contracts/introductions';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { docxText, pdfText } from '../../documents/testing';
import { MAX_PRINT } from './evaluation-print.service';

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let other: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'workplace' | 'commune' | 'secretary' | 'front' | 'an' | 'otherCell' | 'admin', Session>;
const ids: Record<'an' | 'binh' | 'exempt', string> = {} as never;

const FULL = {
  example: 'good',
  civic: 'leading',
  attendance: 'full',
  contact: 'regular',
  campaigns: 'active',
  proposal: 'commend',
};
const send = (who: Session, method: 'POST' | 'PUT', url: string, payload: object = {}) =>
  t.app.inject({ method, url, headers: who.headers, payload });
const get = (who: Session | null, url: string) =>
  t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const idOf = async (memberId: string) =>
  (
    await queryRows<{ id: string }>(
      database.db,
      sql`select id from evaluations where member_id = ${memberId} and status <> 'cancelled' order by requested_at desc limit 1`,
    )
  )[0]!.id;
const isDraft = (pdf: Buffer) => /\/ca 0\.\d+/.test(pdf.toString('latin1'));

async function signForm(id: string, body: object) {
  expect((await send(s.secretary, 'PUT', `/api/evaluations/${id}/form`, body)).statusCode).toBe(200);
  expect((await send(s.front, 'POST', `/api/evaluations/${id}/front-sign`)).statusCode).toBe(200);
  const res = await send(s.secretary, 'POST', `/api/evaluations/${id}/sign`);
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  a = await newProvinceTree(db, 'P');
  other = await newProvinceTree(db, 'Q');
  const placed = {
    residenceCommuneId: a.commune.id,
    residenceCellId: a.residentialCell.id,
    residenceAreaId: a.area.id,
    residenceStreet: 'Số 12, ngõ 7',
  };
  const an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '72000001',
    cellId: a.workplaceCell.id,
    dateOfBirth: '1985-07-14',
    ...placed,
  });
  const binh = await newMember(db, {
    fullName: 'Trần Thị Bình',
    cardNumber: '72000002',
    cellId: a.workplaceCell.id,
    ...placed,
  });
  const exempt = await newMember(db, {
    fullName: 'Đỗ Văn Miễn',
    cardNumber: '72000003',
    cellId: a.workplaceCell.id,
    ...placed,
    category: 'exempt',
  });
  await newUser(db, {
    username: 'p.workplace',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id }],
  });
  await newUser(db, {
    username: 'p.commune',
    displayName: 'Phạm Văn Bình',
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'deputy_secretary' }],
  });
  await newUser(db, {
    username: 'p.secretary',
    displayName: 'Trần Đức Thắng',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  await newUser(db, {
    username: 'p.front',
    displayName: 'Lê Thị Hoa',
    grants: [{ role: 'front_head', unitId: a.residentialCell.id }],
  });
  await newUser(db, { username: 'p.an', memberId: an.id, grants: [{ role: 'member' }] });
  await newUser(db, {
    username: 'q.cell',
    grants: [{ role: 'cell_secretary', unitId: other.residentialCell.id }],
  });
  await newUser(db, { username: 'p.admin', grants: [{ role: 'admin' }] });
  s = {
    workplace: await loginAs(t.app, 'p.workplace'),
    commune: await loginAs(t.app, 'p.commune'),
    secretary: await loginAs(t.app, 'p.secretary'),
    front: await loginAs(t.app, 'p.front'),
    an: await loginAs(t.app, 'p.an'),
    otherCell: await loginAs(t.app, 'q.cell'),
    admin: await loginAs(t.app, 'p.admin'),
  };
  // An missed a held meeting without a reason: rating "attended fully" raises a flag that needs a justification
  const [mt] = await queryRows<{ id: string }>(
    db,
    sql`insert into meetings (cell_id, title, starts_at, ends_at, place, status, check_in_code, held_at)
        values (${a.residentialCell.id}, 'Sinh hoạt tháng 5', '2026-05-10T01:00:00Z', '2026-05-10T03:00:00Z', 'Nhà văn hóa', 'held', 'x', '2026-05-10T03:00:00Z') returning id`,
  );
  await db.execute(
    sql`insert into meeting_attendances (meeting_id, member_id, unit_id, status) values (${mt!.id}, ${an.id}, ${a.residentialCell.id}, 'absent_unexcused')`,
  );

  expect(
    (
      await send(s.workplace, 'POST', '/api/evaluations/cycles', {
        unitId: a.workplace.id,
        year: 2026,
        dueDate: '2026-12-20',
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (
      await send(s.workplace, 'POST', '/api/evaluations/on-demand', {
        memberId: exempt.id,
        purpose: 'appointment',
      })
    ).statusCode,
  ).toBe(200);
  ids.an = await idOf(an.id);
  ids.binh = await idOf(binh.id);
  ids.exempt = await idOf(exempt.id);
  const meeting = {
    jointMeetingOn: '2026-11-20',
    jointMeetingParticipants: 'Chi ủy chi bộ khối P1, Ban công tác Mặt trận khối P1',
  };
  await signForm(ids.an, {
    ratings: FULL,
    justifications: { attendance: 'Vắng buổi tháng 5 do đi công tác đột xuất, đã báo chi ủy.' },
    otherComments: 'Nhiệt tình với công việc chung của khối.',
    ...meeting,
  });
  await signForm(ids.binh, { ratings: { ...FULL, proposal: 'none' }, ...meeting });
  await signForm(ids.exempt, { ratings: { example: 'yes', civic: 'yes', proposal: 'none' }, ...meeting });
  // An and the exempt member are confirmed (and so delivered); Bình waits for the commune
  expect(
    (await send(s.commune, 'POST', '/api/evaluations/confirm', { evaluationIds: [ids.an, ids.exempt] }))
      .statusCode,
  ).toBe(200);
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('one form as PDF and DOCX', () => {
  it('prints a confirmed form with the QR code, the member, the marked levels and the justified check', async () => {
    const res = await get(s.secretary, `/api/evaluations/${ids.an}/form.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('filename="phieu-nhan-xet-2026-Nguyen-Van-An.pdf"');
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''phieu-nhan-xet-2026-Nguyen-Van-An.pdf",
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, runs, missingGlyphs } = pdfText(pdf);
    expect(missingGlyphs).toBe(0);
    const flat = text.replace(/\s+/g, ' ');
    const [{ code }] = await queryRows<{ code: string }>(
      database.db,
      sql`select verification_code as code from evaluations where id = ${ids.an}`,
    );
    for (const expected of [
      'ĐẢNG BỘ PHƯỜNG P',
      'CHI BỘ KHỐI P1',
      'PHIẾU NHẬN XÉT',
      'NGUYỄN VĂN AN',
      '14/07/1985',
      'Chi bộ Phòng P, Đảng bộ Công ty P',
      'Số 12, ngõ 7, Khối P1, phường P',
      'Ngày 20/11/2026, Chi ủy chi bộ khối P1 họp liên tịch với Ban công tác Mặt trận khối P1',
      'Giải trình: Vắng buổi tháng 5',
      'Ghi chú đối chiếu số liệu',
      '1 buổi vắng không lý do',
      '7. Ý kiến khác: Nhiệt tình với công việc chung của khối.',
      'Lê Thị Hoa',
      'Trần Đức Thắng',
      'XÁC NHẬN CỦA ĐẢNG ỦY PHƯỜNG',
      'PHÓ BÍ THƯ',
      'Phạm Văn Bình',
      code!.match(/.{4}/g)!.join('-'),
    ])
      expect(flat).toContain(expected);
    // the link may wrap in its narrow column
    expect(text.replace(/\s+/g, '')).toContain(`http://localhost:3000/verify/${code}`);
    expect(runs.find((r) => r.text === 'Đầy đủ')?.font).toBe('NotoSerif-Bold');
    expect(runs.find((r) => r.text === 'Không đầy đủ')?.font).toBe('NotoSerif-Regular');
    expect(isDraft(pdf)).toBe(false);
  });

  it('prints a signed but unconfirmed form as a draft, without a code', async () => {
    const res = await get(s.secretary, `/api/evaluations/${ids.binh}/form.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('phieu-nhan-xet-2026-Tran-Thi-Binh-du-thao.pdf');
    expect(isDraft(res.rawPayload)).toBe(true);
    expect(pdfText(res.rawPayload).text).not.toContain('Mã xác thực');
  });

  it('prints the exempt form for an on-demand comment', async () => {
    const res = await get(s.commune, `/api/evaluations/${ids.exempt}/form.pdf`);
    expect(res.statusCode).toBe(200);
    const flat = pdfText(res.rawPayload).text.replace(/\s+/g, ' ');
    expect(flat).toContain('ĐẢNG VIÊN ĐƯỢC MIỄN SINH HOẠT NƠI CƯ TRÚ');
    expect(flat).toContain('nhận xét phục vụ: bổ nhiệm, giới thiệu ứng cử');
    expect(flat).toContain('4. Ý kiến khác: Không.');
  });

  it('gives the form as Word with the member and the marked level', async () => {
    const res = await get(s.workplace, `/api/evaluations/${ids.an}/form.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = docxText(res.rawPayload);
    expect(text).toContain('NGUYỄN VĂN AN');
    expect(text).toContain('☒ Đầy đủ\n☐ Không đầy đủ\n☐ Không tham gia');
    expect(text).toContain('☒ Đề nghị khen thưởng');
  });

  it('answers "not found" to whoever may not read the content', async () => {
    // the member before release, another cell, the workplace before delivery, nobody logged in
    expect((await get(s.an, `/api/evaluations/${ids.an}/form.pdf`)).statusCode).toBe(404);
    expect((await get(s.otherCell, `/api/evaluations/${ids.an}/form.pdf`)).statusCode).toBe(404);
    expect((await get(s.otherCell, `/api/evaluations/${ids.an}/form.docx`)).statusCode).toBe(404);
    expect((await get(s.workplace, `/api/evaluations/${ids.binh}/form.pdf`)).statusCode).toBe(404);
    expect((await get(null, `/api/evaluations/${ids.an}/form.pdf`)).statusCode).toBe(401);
    // the workplace once delivered; the member once released
    expect((await get(s.workplace, `/api/evaluations/${ids.an}/form.pdf`)).statusCode).toBe(200);
    expect(
      (await send(s.workplace, 'POST', '/api/evaluations/release', { evaluationIds: [ids.an] })).statusCode,
    ).toBe(200);
    expect((await get(s.an, `/api/evaluations/${ids.an}/form.pdf`)).statusCode).toBe(200);
  });
});

describe("a cell's forms in one PDF", () => {
  const url = (cellId: string, year = 2026) => `/api/evaluations/forms.pdf?cellId=${cellId}&year=${year}`;

  it('is a static route, not taken for /api/evaluations/:id', async () => {
    const res = await get(s.secretary, '/api/evaluations/forms.pdf');
    // the query's cellId is missing; the :id route would have complained about the id instead
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toHaveProperty('cellId');
    expect(res.json().error.fields).not.toHaveProperty('id');
  });

  it('holds every form the residence side may see, in Vietnamese name order', async () => {
    const res = await get(s.secretary, url(a.residentialCell.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('phieu-nhan-xet-2026-Chi-bo-khoi-P1.pdf');
    const text = pdfText(res.rawPayload).text;
    // Vietnamese order is by given name: An, Bình, Miễn
    const order = ['NGUYỄN VĂN AN', 'TRẦN THỊ BÌNH', 'ĐỖ VĂN MIỄN'].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it('holds only delivered forms for the workplace, and nothing for the member or another cell', async () => {
    const res = await get(s.workplace, url(a.residentialCell.id));
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload).text;
    expect(text).toContain('NGUYỄN VĂN AN');
    expect(text).toContain('ĐỖ VĂN MIỄN');
    expect(text).not.toContain('TRẦN THỊ BÌNH');
    expect((await get(s.an, url(a.residentialCell.id))).statusCode).toBe(404);
    expect((await get(s.otherCell, url(a.residentialCell.id))).statusCode).toBe(404);
    expect((await get(s.secretary, url(a.residentialCell.id, 2025))).statusCode).toBe(404);
  });

  it(`refuses more than ${MAX_PRINT} forms with a message`, async () => {
    const db = database.db;
    const g = await newProvinceTree(db, 'G');
    await db.execute(sql`insert into members (full_name, sex, date_of_birth, card_number, cell_id, residence_commune_id, residence_cell_id)
      select 'Đảng viên ' || i, 'male', '1980-01-01', (73000000 + i)::text, ${g.workplaceCell.id}, ${g.commune.id}, ${g.residentialCell.id}
      from generate_series(1, ${MAX_PRINT + 1}) i`);
    await db.execute(sql`with ins as (
        insert into evaluations (member_id, year, kind, rule_set_code, form_kind, workplace_unit_id, commune_id, cell_id, due_date)
        select m.id, 2026, 'yearly', 'reg-213-2020', 'full', ${g.workplace.id}, ${g.commune.id}, ${g.residentialCell.id}, '2026-12-31'
        from members m where m.residence_cell_id = ${g.residentialCell.id} returning id)
      insert into evaluation_versions (evaluation_id, version) select id, 1 from ins`);
    const res = await get(s.admin, url(g.residentialCell.id));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('evaluation_print_too_many');
    expect(res.json().error.message).toContain(String(MAX_PRINT));
  });
});

describe('public verification of a printed form', () => {
  it('answers the facts of a confirmed form, and "altered" once its record changed', async () => {
    const [{ code }] = await queryRows<{ code: string }>(
      database.db,
      sql`select verification_code as code from evaluations where id = ${ids.an}`,
    );
    const typed = code!.match(/.{4}/g)!.join('-').toLowerCase();
    const res = await get(null, `/api/verify/${typed}`);
    expect(res.statusCode).toBe(200);
    expect(verifyResultSchema.parse(res.json())).toMatchObject({
      document: 'evaluation',
      valid: true,
      altered: false,
      issuer: a.commune.name.replace('Đảng bộ', 'Đảng ủy'),
      issuedOn: '2026-11-23',
      year: 2026,
      version: 1,
      workplace: a.workplace.name,
      memberInitials: 'N.V.A.',
      status: 'released',
      number: null,
    });
    // someone changes a rating behind the paper's back
    await database.db.execute(
      sql`update evaluation_versions set ratings = ratings || '{"proposal": "discipline"}'::jsonb where evaluation_id = ${ids.an}`,
    );
    const altered = verifyResultSchema.parse((await get(null, `/api/verify/${code}`)).json());
    expect(altered).toMatchObject({
      document: 'evaluation',
      valid: false,
      altered: true,
      issuer: null,
      memberInitials: null,
    });
    // an unknown code is neither a letter nor a form
    expect(verifyResultSchema.parse((await get(null, '/api/verify/0000-0000-0000')).json())).toMatchObject({
      document: 'letter',
      valid: false,
      altered: false,
    });
  });
});
