import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backlogSchema,
  evaluationDetailSchema,
  evaluationListSchema,
  myEvaluationsSchema,
  noCommentListSchema,
  openCycleResponseSchema,
  reviewListSchema,
} from '../../../shared/contracts/evaluations';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'workplace' | 'commune' | 'secretary' | 'front' | 'an' | 'binh' | 'otherCell' | 'otherWorkplace' | 'otherFront' | 'admin', Session>;
const m: Record<'an' | 'binh' | 'chi' | 'exempt' | 'unplaced' | 'notIntroduced', { id: string }> = {} as never;

const FULL_GOOD = { example: 'good', civic: 'leading', attendance: 'full', contact: 'regular', campaigns: 'active', proposal: 'commend' };
const send = (who: Session, method: 'POST' | 'PUT', url: string, payload: object = {}) => t.app.inject({ method, url, headers: who.headers, payload });
const post = (who: Session, url: string, payload: object = {}) => send(who, 'POST', url, payload);
const put = (who: Session, url: string, payload: object = {}) => send(who, 'PUT', url, payload);
const get = (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const detail = async (who: Session, id: string) => evaluationDetailSchema.parse((await get(who, `/api/evaluations/${id}`)).json());
const idOf = async (memberId: string) =>
  (await queryRows<{ id: string }>(database.db, sql`select id from evaluations where member_id = ${memberId} and status <> 'cancelled' order by requested_at desc limit 1`))[0]!.id;
const notes = (username: string, kind: string) =>
  queryRows<{ params: Record<string, unknown> }>(database.db, sql`select n.params from notifications n join users u on u.id = n.user_id where u.username = ${username} and n.kind = ${kind}`);

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  a = await newProvinceTree(db, 'E');
  const other = await newProvinceTree(db, 'F');
  const placed = { residenceCommuneId: a.commune.id, residenceCellId: a.residentialCell.id, residenceAreaId: a.area.id };
  m.an = await newMember(db, { fullName: 'Nguyễn Văn An', cardNumber: '71000001', cellId: a.workplaceCell.id, ...placed });
  m.binh = await newMember(db, { fullName: 'Trần Thị Bình', cardNumber: '71000002', cellId: a.workplaceCell.id, ...placed });
  m.chi = await newMember(db, { fullName: 'Lê Thị Chi', cardNumber: '71000003', cellId: a.workplaceCell.id, ...placed });
  m.exempt = await newMember(db, { fullName: 'Phạm Văn Miễn', cardNumber: '71000004', cellId: a.workplaceCell.id, ...placed, category: 'exempt' });
  m.unplaced = await newMember(db, { fullName: 'Hoàng Văn Chờ', cardNumber: '71000005', cellId: a.workplaceCell.id, residenceCommuneId: a.commune.id });
  m.notIntroduced = await newMember(db, { fullName: 'Đỗ Văn Mật', cardNumber: '71000006', cellId: a.workplaceCell.id, category: 'not_introduced' });
  await newUser(db, { username: 'workplace', grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }] });
  await newUser(db, { username: 'commune', grants: [{ role: 'committee_officer', unitId: a.commune.id }] });
  await newUser(db, { username: 'secretary', grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }] });
  await newUser(db, { username: 'front', grants: [{ role: 'front_head', unitId: a.residentialCell.id }] });
  await newUser(db, { username: 'an', memberId: m.an.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'binh', memberId: m.binh.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'other.cell', grants: [{ role: 'cell_secretary', unitId: other.residentialCell.id }] });
  await newUser(db, { username: 'other.workplace', grants: [{ role: 'committee_officer', unitId: other.workplace.id }] });
  await newUser(db, { username: 'other.front', grants: [{ role: 'front_head', unitId: other.residentialCell.id }] });
  await newUser(db, { username: 'admin', grants: [{ role: 'admin' }] });
  s = {
    workplace: await loginAs(t.app, 'workplace'),
    commune: await loginAs(t.app, 'commune'),
    secretary: await loginAs(t.app, 'secretary'),
    front: await loginAs(t.app, 'front'),
    an: await loginAs(t.app, 'an'),
    binh: await loginAs(t.app, 'binh'),
    otherCell: await loginAs(t.app, 'other.cell'),
    otherWorkplace: await loginAs(t.app, 'other.workplace'),
    otherFront: await loginAs(t.app, 'other.front'),
    admin: await loginAs(t.app, 'admin'),
  };
  // the record the form is judged on: An missed a held meeting without reason
  const [mt] = await queryRows<{ id: string }>(
    db,
    sql`insert into meetings (cell_id, title, starts_at, ends_at, place, status, check_in_code, held_at)
        values (${a.residentialCell.id}, 'Sinh hoạt 6 tháng đầu năm', '2026-05-10T01:00:00Z', '2026-05-10T03:00:00Z', 'Nhà văn hóa', 'held', 'x', '2026-05-10T03:00:00Z') returning id`,
  );
  await db.execute(sql`insert into meeting_attendances (meeting_id, member_id, unit_id, status) values
    (${mt!.id}, ${m.an.id}, ${a.residentialCell.id}, 'absent_unexcused'), (${mt!.id}, ${m.binh.id}, ${a.residentialCell.id}, 'present')`);
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('rule sets are data', () => {
  it('the 2020 regulation is installed; a successor loads without code; a bad one is refused', async () => {
    const list = (await get(s.an, '/api/rule-sets')).json() as { items: { code: string }[] };
    expect(list.items.map((r) => r.code)).toContain('reg-213-2020');
    const def = (await get(s.an, '/api/rule-sets/reg-213-2020')).json() as { forms: { full: { criteria: unknown[] }; exempt: { criteria: unknown[] } } };
    expect(def.forms.full.criteria).toHaveLength(6);
    expect(def.forms.exempt.criteria).toHaveLength(3);
    const successor = { ...def, code: 'reg-2026-draft', effectiveFrom: '2027-01-01' };
    expect((await post(s.workplace, '/api/rule-sets', successor)).statusCode).toBe(403);
    expect((await post(s.admin, '/api/rule-sets', successor)).statusCode).toBe(201);
    expect((await post(s.admin, '/api/rule-sets', successor)).statusCode).toBe(409);
    const broken = { ...successor, code: 'reg-broken', flags: [{ code: 'x', label: { vi: 'x', en: 'x' }, criterion: 'nope', levels: ['a'], metric: 'openWarnings', op: '>', value: 0 }] };
    expect((await post(s.admin, '/api/rule-sets', broken)).statusCode).toBe(422);
  });
});

describe('requests (Art. 3.4, 2.7)', () => {
  it('the workplace opens the cycle for all active working members in one step; exempt and not introduced are left out', async () => {
    const res = await post(s.workplace, '/api/evaluations/cycles', { unitId: a.workplace.id, year: 2026, dueDate: '2026-12-20' });
    expect(res.statusCode, res.body).toBe(200);
    const body = openCycleResponseSchema.parse(res.json());
    expect(body.created).toBe(4); // an, binh, chi, unplaced
    expect(body.skipped).toMatchObject({ exempt: 1, not_introduced: 1 });
    expect(body.awaitingCell).toBe(1);
    // opening again creates nothing twice
    const again = openCycleResponseSchema.parse((await post(s.workplace, '/api/evaluations/cycles', { unitId: a.workplace.id, year: 2026, dueDate: '2026-12-20' })).json());
    expect(again.created).toBe(0);
    expect(again.skipped.already_requested).toBe(4);
    // the cell, the commune and the members are told once
    expect(await notes('secretary', 'evaluation_requested_cell')).toEqual([{ params: expect.objectContaining({ count: 3, year: 2026 }) }]);
    expect(await notes('an', 'evaluation_requested_member')).toHaveLength(1);
  });

  it('refuses what is out of reach or wrong', async () => {
    expect((await post(s.otherWorkplace, '/api/evaluations/cycles', { unitId: a.workplace.id, year: 2026 })).statusCode).toBe(404);
    expect((await post(s.secretary, '/api/evaluations/cycles', { unitId: a.workplace.id, year: 2026 })).statusCode).toBe(404);
    expect((await post(s.workplace, '/api/evaluations/cycles', { unitId: a.workplace.id, year: 2026, dueDate: '2026-01-01' })).statusCode).toBe(422);
    expect((await post(s.workplace, '/api/evaluations/cycles', { unitId: a.workplaceCell.id, year: 2026 })).statusCode).toBe(422);
  });

  it('on demand works for an exempt member (short form); the member can ask for their own, never for another', async () => {
    const res = await post(s.workplace, '/api/evaluations/on-demand', { memberId: m.exempt.id, purpose: 'appointment' });
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json() as { id: string; created: boolean };
    expect(first.created).toBe(true);
    // a double click returns the same request
    expect(((await post(s.workplace, '/api/evaluations/on-demand', { memberId: m.exempt.id, purpose: 'appointment' })).json() as { id: string }).id).toBe(first.id);
    expect((await detail(s.secretary, first.id)).formKind).toBe('exempt');
    expect((await post(s.workplace, '/api/evaluations/on-demand', { memberId: m.notIntroduced.id, purpose: 'appointment' })).statusCode).toBe(422);
    expect((await post(s.workplace, '/api/evaluations/on-demand', { memberId: m.an.id, purpose: 'nonsense' })).statusCode).toBe(422);
    // An asks for their own: the routine one exists already, so the same one comes back
    const own = (await post(s.an, '/api/evaluations/mine/request', {})).json() as { id: string; created: boolean };
    expect(own).toEqual({ id: await idOf(m.an.id), created: false });
    expect((await post(s.workplace, '/api/evaluations/mine/request', {})).statusCode).toBe(403);
  });

  it('the request waiting for a cell follows the member when the commune places them', async () => {
    const id = await idOf(m.unplaced.id);
    expect((await detail(s.commune, id)).cellId).toBeNull();
    const { assignPendingCells } = await import('./placement');
    await database.db.execute(sql`update members set residence_cell_id = ${a.residentialCell.id} where id = ${m.unplaced.id}`);
    await assignPendingCells(database.db, [m.unplaced.id]);
    expect((await detail(s.secretary, id)).cellId).toBe(a.residentialCell.id);
  });
});

describe('self-report (Art. 2.7)', () => {
  it('the member writes per duty; the cell sees it once submitted', async () => {
    expect((await put(s.an, '/api/self-reports/mine', { year: 2026, duties: {}, submit: true })).statusCode).toBe(422);
    expect((await put(s.an, '/api/self-reports/mine', { year: 2026, duties: { '3': 'Dự họp tháng 5? Vắng vì công tác.' } })).statusCode).toBe(200);
    const id = await idOf(m.an.id);
    expect((await detail(s.secretary, id)).selfReport).toBeNull();
    expect((await put(s.an, '/api/self-reports/mine', { year: 2026, duties: { '1': 'Gương mẫu', '6': 'Góp 2 ngày công làm đường' }, submit: true })).statusCode).toBe(200);
    const d = await detail(s.secretary, id);
    expect(d.selfReport?.duties).toEqual({ '1': 'Gương mẫu', '6': 'Góp 2 ngày công làm đường' });
    expect(d.selfReported).toBe(true);
    const mine = myEvaluationsSchema.parse((await get(s.an, '/api/evaluations/mine')).json());
    expect(mine.duties).toHaveLength(7);
    expect(mine.items[0]).toMatchObject({ status: 'requested', released: false });
  });
});

describe('the form: evidence, flags, signatures (Art. 4.4)', () => {
  it('shows the record next to the criteria; a rating that contradicts it needs a justification before signing', async () => {
    const id = await idOf(m.an.id);
    const before = await detail(s.secretary, id);
    expect(before.evidence).toMatchObject({ meetingsHeld: 1, meetingsAttended: 0, unexcusedAbsences: 1, selfReported: 1 });
    // others may not draft
    expect((await put(s.front, `/api/evaluations/${id}/form`, { ratings: FULL_GOOD })).statusCode).toBe(403);
    expect((await put(s.otherCell, `/api/evaluations/${id}/form`, { ratings: FULL_GOOD })).statusCode).toBe(404);
    expect((await put(s.secretary, `/api/evaluations/${id}/form`, { ratings: { ...FULL_GOOD, attendance: 'always' } })).statusCode).toBe(422);
    const saved = await put(s.secretary, `/api/evaluations/${id}/form`, { ratings: FULL_GOOD, jointMeetingOn: '2026-11-20', jointMeetingParticipants: 'Chi ủy, ban công tác Mặt trận khối E1' });
    expect(saved.statusCode, saved.body).toBe(200);
    const d = evaluationDetailSchema.parse(saved.json());
    expect(d.status).toBe('drafted');
    expect(d.form!.flags.map((f) => f.code)).toEqual(['attendance_full_with_unexcused']);
    // the Front head co-signs, then the secretary still cannot sign without a justification
    expect((await post(s.otherFront, `/api/evaluations/${id}/front-sign`)).statusCode).toBe(404);
    expect((await post(s.front, `/api/evaluations/${id}/front-sign`)).statusCode).toBe(200);
    const refused = await post(s.secretary, `/api/evaluations/${id}/sign`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toHaveProperty(['justifications.attendance']);
    // justifying changes the draft, so the co-signature is cleared and must be given again
    await put(s.secretary, `/api/evaluations/${id}/form`, {
      ratings: FULL_GOOD,
      justifications: { attendance: 'Vắng buổi tháng 5 do đi công tác đột xuất, đã báo miệng chi ủy.' },
      jointMeetingOn: '2026-11-20',
      jointMeetingParticipants: 'Chi ủy, ban công tác Mặt trận khối E1',
    });
    expect((await post(s.secretary, `/api/evaluations/${id}/sign`)).statusCode).toBe(409);
    expect((await post(s.front, `/api/evaluations/${id}/front-sign`)).statusCode).toBe(200);
    const signed = await post(s.secretary, `/api/evaluations/${id}/sign`);
    expect(signed.statusCode, signed.body).toBe(200);
    const sd = evaluationDetailSchema.parse(signed.json());
    expect(sd).toMatchObject({ status: 'signed', proposal: 'commend' });
    expect(sd.form!.flags).toHaveLength(1);
    // no change after signing except through revision
    expect((await put(s.secretary, `/api/evaluations/${id}/form`, { ratings: FULL_GOOD })).statusCode).toBe(409);
    expect((await put(s.an, '/api/self-reports/mine', { year: 2026, duties: { '1': 'sửa' } })).statusCode).toBe(409);
  });

  it('the workplace sees the request but not the draft content; the member sees nothing of it yet', async () => {
    const id = await idOf(m.an.id);
    const w = await detail(s.workplace, id);
    expect(w.status).toBe('signed');
    expect(w.form).toBeNull();
    const own = await detail(s.an, id);
    expect(own.form).toBeNull();
    expect(own.flags).toEqual([]);
    expect((await get(s.binh, `/api/evaluations/${id}`)).statusCode).toBe(404);
  });
});

describe('commune confirmation, delivery, release, dispute (Art. 4.5, 3.4, 3.5)', () => {
  async function signFor(memberId: string, ratings: Record<string, string>) {
    const id = await idOf(memberId);
    await put(s.secretary, `/api/evaluations/${id}/form`, { ratings, jointMeetingOn: '2026-11-20', jointMeetingParticipants: 'Chi ủy, Mặt trận' });
    await post(s.front, `/api/evaluations/${id}/front-sign`);
    const res = await post(s.secretary, `/api/evaluations/${id}/sign`);
    expect(res.statusCode, res.body).toBe(200);
    return id;
  }

  it('returns one with a reason (new version, old kept) and confirms in batch; confirmation delivers', async () => {
    const anId = await idOf(m.an.id);
    const binhId = await signFor(m.binh.id, { ...FULL_GOOD, proposal: 'none' });
    const chiId = await signFor(m.chi.id, { example: 'yes', civic: 'yes', attendance: 'none', contact: 'irregular', campaigns: 'not_active', proposal: 'none' });
    expect((await post(s.secretary, '/api/evaluations/confirm', { evaluationIds: [anId] })).statusCode).toBe(403);
    expect((await post(s.commune, '/api/evaluations/return', { evaluationIds: [chiId], reason: 'Chưa ghi rõ ý kiến khác' })).statusCode).toBe(200);
    const returned = await detail(s.secretary, chiId);
    expect(returned).toMatchObject({ status: 'returned', version: 2, returnReason: 'Chưa ghi rõ ý kiến khác' });
    expect(returned.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(returned.versions[0]!.signedAt).not.toBeNull();
    // batch: a form in the wrong state makes the whole batch refuse
    expect((await post(s.commune, '/api/evaluations/confirm', { evaluationIds: [anId, binhId, chiId] })).statusCode).toBe(409);
    const ok = await post(s.commune, '/api/evaluations/confirm', { evaluationIds: [anId, binhId] });
    expect(ok.json()).toEqual({ changed: 2, repeated: 0 });
    expect((await post(s.commune, '/api/evaluations/confirm', { evaluationIds: [anId, binhId] })).json()).toEqual({ changed: 0, repeated: 2 });
    const w = await detail(s.workplace, anId);
    expect(w.status).toBe('delivered');
    expect(w.form!.ratings).toEqual(FULL_GOOD);
    expect(w.form!.flags.map((f) => f.code)).toEqual(['attendance_full_with_unexcused']);
    expect(w.verificationCode).toMatch(/^[0-9A-F]{12}$/);
    expect(w.allowedActions).toEqual(expect.arrayContaining(['release', 'answer_proposal']));
    expect(await notes('workplace', 'evaluation_delivered')).toHaveLength(1);
  });

  it('the workplace answers the proposal and sees the residence outcome next to its classification', async () => {
    const anId = await idOf(m.an.id);
    expect((await post(s.workplace, `/api/evaluations/${anId}/proposal-answer`, { answer: 'accepted', note: 'Khen thưởng cuối năm' })).statusCode).toBe(200);
    expect((await detail(s.workplace, anId)).proposalAnswer).toBe('accepted');
    expect((await put(s.otherWorkplace, '/api/evaluations/classifications', { year: 2026, items: [{ memberId: m.an.id, score: 80 }] })).statusCode).toBe(404);
    const saved = await put(s.workplace, '/api/evaluations/classifications', { year: 2026, items: [{ memberId: m.an.id, score: 92 }, { memberId: m.chi.id, score: 75 }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const rv = reviewListSchema.parse((await get(s.workplace, `/api/evaluations/review?unitId=${a.workplace.id}&year=2026`)).json());
    const an = rv.items.find((r) => r.memberId === m.an.id)!;
    expect(an).toMatchObject({ status: 'delivered', score: 92, level: 'excellent', negative: false, contradicts: false });
    const chi = rv.items.find((r) => r.memberId === m.chi.id)!;
    // Chi's form was returned: nothing delivered yet, so nothing to contradict
    expect(chi).toMatchObject({ status: 'returned', ratings: null, contradicts: false, level: 'good' });
    const xlsx = await get(s.workplace, `/api/evaluations/review.xlsx?unitId=${a.workplace.id}&year=2026`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('a "good" rating next to a negative residence comment is flagged for the workplace', async () => {
    const chiId = await idOf(m.chi.id);
    await put(s.secretary, `/api/evaluations/${chiId}/form`, {
      ratings: { example: 'yes', civic: 'yes', attendance: 'partial', contact: 'irregular', campaigns: 'not_active', proposal: 'none' },
      otherComments: 'Ít liên hệ với tổ dân phố.',
      jointMeetingOn: '2026-11-21',
      jointMeetingParticipants: 'Chi ủy, Mặt trận',
    });
    await post(s.front, `/api/evaluations/${chiId}/front-sign`);
    expect((await post(s.secretary, `/api/evaluations/${chiId}/sign`)).statusCode).toBe(200);
    expect((await post(s.commune, '/api/evaluations/confirm', { evaluationIds: [chiId] })).statusCode).toBe(200);
    const rv = reviewListSchema.parse((await get(s.workplace, `/api/evaluations/review?unitId=${a.workplace.id}&year=2026&contradictsOnly=true`)).json());
    expect(rv.items.map((r) => r.memberId)).toEqual([m.chi.id]);
    expect(rv.items[0]).toMatchObject({ negative: true, contradicts: true, level: 'good' });
  });

  it('releases to the member, who disputes; the dialogue revises it as a new version', async () => {
    const anId = await idOf(m.an.id);
    expect((await post(s.an, `/api/evaluations/${anId}/dispute`, { reason: 'Tôi vắng có báo cáo trước với chi ủy.' })).statusCode).toBe(409);
    expect((await post(s.commune, '/api/evaluations/release', { evaluationIds: [anId] })).statusCode).toBe(403);
    expect((await post(s.workplace, '/api/evaluations/release', { evaluationIds: [anId] })).json()).toEqual({ changed: 1, repeated: 0 });
    const own = await detail(s.an, anId);
    expect(own.form!.ratings).toEqual(FULL_GOOD);
    const printedCode = own.verificationCode!;
    expect((await t.app.inject({ method: 'GET', url: `/api/verify/${printedCode}` })).json()).toMatchObject({ document: 'evaluation', valid: true, version: 1 });
    expect(own.allowedActions).toEqual(['dispute']);
    expect(own.sides).toEqual(['member']);
    expect((await post(s.binh, `/api/evaluations/${anId}/dispute`, { reason: 'Không phải của tôi nhưng thử.' })).statusCode).toBe(404);
    expect((await post(s.an, `/api/evaluations/${anId}/dispute`, { reason: 'Tôi vắng có báo cáo trước với chi ủy.' })).statusCode).toBe(200);
    expect(await notes('workplace', 'evaluation_disputed')).toHaveLength(1);
    const dialogue = { dialogueOn: '2026-11-22', participants: 'Đại diện đảng ủy công ty E, đảng ủy phường E', notes: 'Thống nhất ghi nhận vắng có báo cáo', outcome: 'revised' };
    expect((await post(s.commune, `/api/evaluations/${anId}/dialogue`, dialogue)).statusCode).toBe(403);
    const res = await post(s.workplace, `/api/evaluations/${anId}/dialogue`, dialogue);
    expect(res.statusCode, res.body).toBe(200);
    const after = await detail(s.secretary, anId);
    expect(after).toMatchObject({ status: 'returned', version: 2 });
    expect(after.disputes[0]).toMatchObject({ status: 'closed', outcome: 'revised' });
    // the disputed version is kept as it was
    // the workplace still lists the version it was delivered, while the new one is with the residence side
    expect((await detail(s.workplace, anId)).versions.map((v) => v.version)).toEqual([1]);
    const v1 = await get(s.workplace, `/api/evaluations/${anId}/versions/1`);
    expect(v1.json()).toMatchObject({ version: 1, ratings: FULL_GOOD });
    expect(v1.json().confirmedAt).not.toBeNull();
    // the old code no longer verifies a changed record (new version, code cleared until confirmed again)
    expect((await detail(s.secretary, anId)).verificationCode).toBeNull();
    // the paper of version 1 is recognised as replaced, not as unknown or forged
    expect((await t.app.inject({ method: 'GET', url: `/api/verify/${printedCode}` })).json()).toMatchObject({
      document: 'evaluation', valid: false, altered: false, superseded: true, version: 1,
    });
  });
});

describe('tracking: backlog and "no comment this year"', () => {
  it('counts each stage per unit and lists who still has no comment, on both sides', async () => {
    const wres = await get(s.workplace, `/api/evaluations/backlog?side=workplace&unitId=${a.workplace.id}&year=2026`);
    expect(wres.statusCode, wres.body).toBe(200);
    const w = backlogSchema.parse(wres.json());
    // requested: an, binh, chi, unplaced (yearly) + exempt (on demand)
    expect(w.total).toMatchObject({ requested: 5, selfReported: 1, confirmed: 2, released: 0 });
    expect(w.children.map((c) => c.unitName)).toEqual([`Chi bộ Phòng E`]);
    const r = backlogSchema.parse((await get(s.commune, `/api/evaluations/backlog?side=residence&year=2026`)).json());
    expect(r.unit.id).toBe(a.commune.id);
    expect(r.total.requested).toBe(5);
    // a member of the residential cell itself (retired, no workplace) owes no comment there
    await newMember(database.db, { fullName: 'Đỗ Văn Hưu', cellId: a.residentialCell.id, residenceCommuneId: a.commune.id, residenceCellId: a.residentialCell.id });
    const residence = noCommentListSchema.parse((await get(s.commune, `/api/evaluations/no-comment?side=residence&year=2026`)).json());
    expect(residence.items.map((i) => i.fullName)).not.toContain('Đỗ Văn Hưu');
    expect(backlogSchema.parse((await get(s.commune, `/api/evaluations/backlog?side=residence&year=2026`)).json()).total.noComment).toBe(residence.items.length);
    const list = noCommentListSchema.parse((await get(s.workplace, `/api/evaluations/no-comment?side=workplace&unitId=${a.workplace.id}&year=2026`)).json());
    // binh and chi are delivered; an is being revised; unplaced waits
    expect(list.items.map((i) => i.fullName)).toEqual(['Nguyễn Văn An', 'Hoàng Văn Chờ']);
    expect(list.items[0]!.status).toBe('returned');
    expect((await get(s.otherWorkplace, `/api/evaluations/backlog?side=workplace&unitId=${a.workplace.id}`)).statusCode).toBe(404);
    // an administrator without a unit reads the backlog from the top of the tree instead of "unit not found"
    const admin = await get(s.admin, '/api/evaluations/backlog?side=residence&year=2026');
    expect(admin.statusCode, admin.body).toBe(200);
  });

  it('lists per side are scoped: the Front head sees their cell only, another cell nothing', async () => {
    const front = evaluationListSchema.parse((await get(s.front, '/api/evaluations?side=front&year=2026')).json());
    expect(front.items.length).toBeGreaterThan(0);
    const other = evaluationListSchema.parse((await get(s.otherFront, '/api/evaluations?side=front&year=2026')).json());
    expect(other.items).toEqual([]);
    // the commune narrows its list to one of its cells
    const byCell = evaluationListSchema.parse((await get(s.commune, `/api/evaluations?side=commune&year=2026&unitId=${a.residentialCell.id}`)).json());
    expect(byCell.items.length).toBeGreaterThan(0);
    expect(byCell.items.every((i) => i.cellId === a.residentialCell.id)).toBe(true);
    const search = evaluationListSchema.parse((await get(s.commune, '/api/evaluations?side=commune&year=2026&q=tran thi')).json());
    expect(search.items.map((i) => i.fullName)).toEqual(['Trần Thị Bình']);
  });
});

describe('overdue reminders and members who leave', () => {
  it('past the due date the residence side is reminded once', async () => {
    const { remindOverdueEvaluations } = await import('./evaluations.jobs');
    expect(await remindOverdueEvaluations({ db: database.db, clock: t.clock })).toEqual({ evaluations: 0, people: 0 });
    const before = t.clock.now();
    t.clock.set(new Date('2026-12-22T03:00:00Z'));
    try {
      const first = await remindOverdueEvaluations({ db: database.db, clock: t.clock });
      // An (being revised) and Chờ (waiting) are past 20/12; the exempt member's on-demand request is not due yet
      expect(first.evaluations).toBe(2);
      expect(await notes('secretary', 'evaluation_overdue')).toEqual([{ params: expect.objectContaining({ count: 2 }) }]);
      expect(await remindOverdueEvaluations({ db: database.db, clock: t.clock })).toEqual({ evaluations: 0, people: 0 });
      expect((await post(s.workplace, '/api/evaluations/jobs/run')).statusCode).toBe(403);
    } finally {
      t.clock.set(before);
    }
  });

  it('an expulsion notice cancels the member’s open request (signed ones stay)', async () => {
    const id = await idOf(m.unplaced.id);
    const res = await post(s.workplace, '/api/introductions/notices', { memberId: m.unplaced.id, kind: 'expelled', effectiveDate: '2026-11-23' });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const after = await detail(s.workplace, id);
    expect(after).toMatchObject({ status: 'cancelled', cancelReason: 'notice:expelled' });
  });
});
