import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionsSchema, yearlyReportListSchema, yearlyReportSchema, type YearlyReport } from '../../../shared/contracts/reports';
import { queryRows, type Database } from '../../db/client';
import { docxText, pdfText } from '../../documents/testing';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUnit, newUser } from '../../../../tests/fixtures/factories';
import { newLetter } from '../../../../tests/fixtures/domain-factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/**
 * The yearly report upward: the commune writes, signs and submits; the province receives or returns with a
 * reason, sets the deadline, sees who is late and prints the consolidated report of what was submitted.
 */

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'province' | 'provinceB' | 'commune' | 'commune2' | 'workplace' | 'school' | 'admin' | 'other', Session>;
let b: Awaited<ReturnType<typeof newProvinceTree>>;
const u: Record<string, { id: string }> = {};

const get = (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const send = (who: Session, method: 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: payload ? who.headers : { cookie: who.cookie, 'x-csrf-token': who.csrfToken }, ...(payload ? { payload } : {}) });
const ok = (res: { statusCode: number; body: string; json: () => unknown }): YearlyReport => {
  expect(res.statusCode, res.body).toBe(200);
  return yearlyReportSchema.parse(res.json());
};
const TEXTS = {
  results: 'Đảng ủy đã tiếp nhận đầy đủ giấy giới thiệu, các chi bộ sinh hoạt định kỳ hai lần trong năm.',
  problems: 'Một số đảng viên ở khu chung cư chưa liên hệ với chi bộ.',
  proposals: 'Đề nghị các đảng ủy cơ sở gửi giấy giới thiệu đúng hạn.',
  commendations: null,
  signerName: 'Nguyễn Thị Hương',
  signerPosition: 'secretary',
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  a = await newProvinceTree(db, 'Y');
  const other = await newProvinceTree(db, 'Z');
  // the communes each test writes for report to this province
  b = await newProvinceTree(db, 'B');
  await newUser(db, { username: 'province.b', email: 'tinhuyb@example.vn', grants: [{ role: 'committee_officer', unitId: b.province.id }] });
  u.commune2 = await newUnit(db, { parent: a.province, type: 'commune_committee', name: 'Đảng bộ xã Y2' });
  // a school's committee under the commune reports to the commune, not to the province
  u.school = await newUnit(db, { parent: a.commune, type: 'workplace_committee', name: 'Đảng bộ Trường THPT Y' });
  const m = await newMember(db, { cellId: a.workplaceCell.id, residenceCommuneId: a.commune.id, residenceAreaId: a.area.id, residenceCellId: a.residentialCell.id });
  await newLetter(db, { memberId: m.id, issuingUnitId: a.workplace.id, receivingCommuneId: a.commune.id, status: 'acknowledged', residenceCellId: a.residentialCell.id });
  await newUser(db, { username: 'province', email: 'tinhuy@example.vn', grants: [{ role: 'committee_officer', unitId: a.province.id, position: 'staff' }] });
  await newUser(db, { username: 'commune', grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'secretary' }] });
  await newUser(db, { username: 'commune2', grants: [{ role: 'committee_officer', unitId: u.commune2.id }] });
  await newUser(db, { username: 'workplace', grants: [{ role: 'committee_officer', unitId: a.workplace.id }] });
  await newUser(db, { username: 'school', grants: [{ role: 'committee_officer', unitId: u.school.id }] });
  await newUser(db, { username: 'admin', grants: [{ role: 'admin' }] });
  await newUser(db, { username: 'other', grants: [{ role: 'committee_officer', unitId: other.commune.id }] });
  s = {
    province: await loginAs(t.app, 'province'),
    provinceB: await loginAs(t.app, 'province.b'),
    commune: await loginAs(t.app, 'commune'),
    commune2: await loginAs(t.app, 'commune2'),
    workplace: await loginAs(t.app, 'workplace'),
    school: await loginAs(t.app, 'school'),
    admin: await loginAs(t.app, 'admin'),
    other: await loginAs(t.app, 'other'),
  };
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

/** Each test writes the report of its own commune, so no test leans on another's steps. */
let communes = 0;
async function ownCommune() {
  const unit = await newUnit(database.db, { parent: b.province, type: 'commune_committee', name: `Đảng bộ phường B${++communes}0` });
  await newUser(database.db, { username: `commune.${communes}`, grants: [{ role: 'committee_officer', unitId: unit.id, position: 'secretary' }] });
  const session = await loginAs(t.app, `commune.${communes}`);
  const start = async () => ok(await send(session, 'POST', '/api/reports/yearly', { unitId: unit.id, year: 2026 }));
  return { unit, session, start };
}

async function startCommuneReport() {
  return ok(await send(s.commune, 'POST', '/api/reports/yearly', { unitId: a.commune.id, year: 2026 }));
}

describe('writing the report', () => {
  it('starts once per committee and year, whoever retries and however often', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => send(s.commune, 'POST', '/api/reports/yearly', { unitId: a.commune.id, year: 2026 })));
    const ids = new Set(results.map((r) => ok(r).id));
    expect(ids.size).toBe(1);
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from yearly_reports where unit_id = ${a.commune.id}`);
    expect(row!.n).toBe(1);
    const report = await startCommuneReport();
    expect(report.status).toBe('draft');
    expect(report.superior.id).toBe(a.province.id);
    expect(report.figures.total.residence.workingMembers).toBe(1);
    expect(report.allowedActions).toEqual(['save', 'submit']);
  });

  it('is written by the committee’s own officers only; a draft is not seen upward or elsewhere', async () => {
    const report = await startCommuneReport();
    expect((await send(s.province, 'POST', '/api/reports/yearly', { unitId: a.commune.id, year: 2026 })).statusCode).toBe(403);
    expect((await send(s.other, 'POST', '/api/reports/yearly', { unitId: a.commune.id, year: 2026 })).statusCode).toBe(404);
    expect((await send(s.admin, 'POST', '/api/reports/yearly', { unitId: a.commune.id, year: 2026 })).statusCode).toBe(403);
    expect((await send(s.province, 'POST', '/api/reports/yearly', { unitId: a.province.id, year: 2026 })).statusCode).toBe(422);
    for (const who of [s.province, s.other, s.commune2]) expect((await get(who, `/api/reports/yearly/${report.id}`)).statusCode).toBe(404);
    expect((await get(s.province, `/api/reports/yearly/${report.id}/report.pdf`)).statusCode).toBe(404);
  });

  it('refuses a save over a newer one, and a submission without results or signer', async () => {
    const c = await ownCommune();
    const report = await c.start();
    const saved = ok(await send(c.session, 'PUT', `/api/reports/yearly/${report.id}`, { ...TEXTS, results: 'ngắn', updatedAt: report.updatedAt }));
    expect((await send(c.session, 'PUT', `/api/reports/yearly/${report.id}`, { ...TEXTS, updatedAt: report.updatedAt })).statusCode).toBe(409);
    const refused = await send(c.session, 'POST', `/api/reports/yearly/${report.id}/submit`);
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as { error: { fields: Record<string, string> } }).error.fields.results).toMatch(/20/);
    ok(await send(c.session, 'PUT', `/api/reports/yearly/${report.id}`, { ...TEXTS, updatedAt: saved.updatedAt }));
  });
});

describe('upward', () => {
  it('lists who reports to the province, counts who is late, and tells the committees of the deadline', async () => {
    // counted before any other test adds a commune to the province
    expect((await send(s.province, 'PUT', '/api/reports/deadline', { unitId: a.province.id, year: 2026, dueDate: '2026-01-01' })).statusCode).toBe(422);
    expect((await send(s.commune, 'PUT', '/api/reports/deadline', { unitId: a.province.id, year: 2026, dueDate: '2026-12-20' })).statusCode).toBe(404);
    expect((await send(s.admin, 'PUT', '/api/reports/deadline', { unitId: a.province.id, year: 2026, dueDate: '2026-12-20' })).statusCode).toBe(403);
    const set = await send(s.province, 'PUT', '/api/reports/deadline', { unitId: a.province.id, year: 2026, dueDate: '2026-12-20', note: 'Trước kỳ họp Ban Thường vụ' });
    expect(set.statusCode, set.body).toBe(200);
    const sub = submissionsSchema.parse(set.json());
    expect(sub.items.map((i) => i.unit.name).sort()).toEqual(['Đảng bộ Công ty Y', 'Đảng bộ phường Y', 'Đảng bộ xã Y2'].sort());
    expect(sub.counts.expected).toBe(3);
    const notified = await queryRows<{ username: string }>(
      database.db,
      sql`select u.username from notifications n join users u on u.id = n.user_id where n.kind = 'yearly_report_deadline' order by 1`,
    );
    expect(notified.map((n) => n.username)).toEqual(['commune', 'commune2', 'workplace']);
    // the school reports to its commune
    const commune = submissionsSchema.parse((await get(s.commune, `/api/reports/submissions?unitId=${a.commune.id}&year=2026`)).json());
    expect(commune.items.map((i) => i.unit.id)).toEqual([u.school.id]);
    expect((await get(s.other, `/api/reports/submissions?unitId=${a.province.id}&year=2026`)).statusCode).toBe(404);
    t.clock.set(new Date('2026-12-21T03:00:00Z'));
    const late = submissionsSchema.parse((await get(s.province, '/api/reports/submissions?year=2026')).json());
    expect(late.counts.late).toBe(3);
    t.clock.set(new Date('2026-11-23T08:00:00Z'));
  });

  it('submits with a number and frozen figures, then returns, corrects, resubmits and receives', async () => {
    const c = await ownCommune();
    let report = await c.start();
    report = ok(await send(c.session, 'PUT', `/api/reports/yearly/${report.id}`, { ...TEXTS, updatedAt: report.updatedAt }));
    const submitted = ok(await send(c.session, 'POST', `/api/reports/yearly/${report.id}/submit`));
    expect(submitted.status).toBe('submitted');
    expect(submitted.number).toBe('1-BC/ĐU');
    expect(ok(await send(c.session, 'POST', `/api/reports/yearly/${report.id}/submit`)).number).toBe('1-BC/ĐU');
    const told = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from notifications where kind = 'yearly_report_submitted'`);
    expect(told[0]!.n).toBe(1);
    const mail = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from email_outbox where to_address = 'tinhuyb@example.vn'`);
    expect(mail[0]!.n).toBe(1);

    const upward = ok(await get(s.provinceB, `/api/reports/yearly/${report.id}`));
    expect(upward.allowedActions).toEqual(['receive', 'return']);
    expect((await send(c.session, 'POST', `/api/reports/yearly/${report.id}/receive`)).statusCode).toBe(403);
    expect((await send(s.provinceB, 'POST', `/api/reports/yearly/${report.id}/return`, { reason: 'ngắn' })).statusCode).toBe(422);
    const returned = ok(await send(s.provinceB, 'POST', `/api/reports/yearly/${report.id}/return`, { reason: 'Bổ sung số liệu các chi bộ khu chung cư' }));
    expect(returned.status).toBe('returned');

    // saving keeps it "returned" (the reason stays visible) until it is sent again, with the same number
    const fixed = ok(await send(c.session, 'PUT', `/api/reports/yearly/${report.id}`, { ...TEXTS, problems: 'Đã bổ sung.', refreshFigures: true, updatedAt: returned.updatedAt }));
    expect(fixed.status).toBe('returned');
    expect(fixed.returnReason).toBe('Bổ sung số liệu các chi bộ khu chung cư');
    expect(ok(await send(c.session, 'POST', `/api/reports/yearly/${report.id}/submit`)).number).toBe('1-BC/ĐU');
    const received = ok(await send(s.provinceB, 'POST', `/api/reports/yearly/${report.id}/receive`));
    expect(received.status).toBe('received');
    expect(ok(await send(s.provinceB, 'POST', `/api/reports/yearly/${report.id}/receive`)).status).toBe('received');
    expect((await send(s.provinceB, 'POST', `/api/reports/yearly/${report.id}/return`, { reason: 'Quá muộn để trả lại' })).statusCode).toBe(409);
    expect((await send(c.session, 'PUT', `/api/reports/yearly/${report.id}`, { ...TEXTS, updatedAt: received.updatedAt })).statusCode).toBe(409);
    expect(received.history.map((h) => h.action)).toEqual([
      'yearly_report.started',
      'yearly_report.saved',
      'yearly_report.submitted',
      'yearly_report.returned',
      'yearly_report.saved',
      'yearly_report.submitted',
      'yearly_report.received',
    ]);
    const mine = yearlyReportListSchema.parse((await get(c.session, '/api/reports/yearly?year=2026')).json());
    expect(mine.items[0]!.report?.status).toBe('received');
  });

  it('prints the report and the consolidated report of what was submitted', async () => {
    const c = await ownCommune();
    const started = await c.start();
    const saved = ok(await send(c.session, 'PUT', `/api/reports/yearly/${started.id}`, { ...TEXTS, updatedAt: started.updatedAt }));
    const draft = pdfText((await get(c.session, `/api/reports/yearly/${saved.id}/report.pdf`)).rawPayload).text;
    expect(draft).toContain('DỰ THẢO');
    const report = ok(await send(c.session, 'POST', `/api/reports/yearly/${saved.id}/submit`));
    const pdf = await get(s.provinceB, `/api/reports/yearly/${report.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).text;
    expect(text).toContain(c.unit.name.replace('Đảng bộ', 'Đảng ủy').toUpperCase());
    expect(text).toContain('1-BC/ĐU');
    expect(text).toContain('Nguyễn Thị Hương');
    const docx = await get(c.session, `/api/reports/yearly/${report.id}/report.docx`);
    expect(docxText(docx.rawPayload)).toContain('Kết quả thực hiện Quy định số 213-QĐ/TW');
    expect((await get(c.session, `/api/reports/yearly/${report.id}/annex.xlsx`)).statusCode).toBe(200);
    const consolidated = await get(s.provinceB, `/api/reports/consolidated.pdf?unitId=${b.province.id}&year=2026`);
    expect(consolidated.statusCode).toBe(200);
    const ctext = pdfText(consolidated.rawPayload).text;
    expect(ctext).toContain('BÁO CÁO TỔNG HỢP');
    expect(ctext).toContain(c.unit.name);
    expect((await get(s.commune, `/api/reports/consolidated.pdf?unitId=${b.province.id}&year=2026`)).statusCode).toBe(404);
    expect((await get(s.provinceB, `/api/reports/consolidated.xlsx?unitId=${b.province.id}&year=2026`)).statusCode).toBe(200);
  });
});
