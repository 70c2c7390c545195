import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  evaluationDetailSchema,
  formContentSchema,
  myEvaluationsSchema,
} from '../../../shared/contracts/evaluations';
import { queryRows, type Database } from '../../db/client';
import { docxText } from '../../documents/testing';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/**
 * A member keeps reading the comment released to them while a dispute's revision is under way (marked as
 * under revision) until the revised version is released; and a year with no meeting held reads "no meeting
 * held", not a rate. An's cell held no meeting this year.
 */
let database: Database;
let t: TestApp;
let s: Record<'workplace' | 'commune' | 'secretary' | 'front' | 'an' | 'binh', Session>;
let anId: string;

const FIRST = {
  example: 'good',
  civic: 'leading',
  attendance: 'full',
  contact: 'regular_active',
  campaigns: 'active',
  proposal: 'none',
};
const REVISED = { ...FIRST, contact: 'regular' };
const post = (who: Session, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload });
const get = (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const detail = async (who: Session) => {
  const res = await get(who, `/api/evaluations/${anId}`);
  expect(res.statusCode, res.body).toBe(200);
  return evaluationDetailSchema.parse(res.json());
};
const minute = () => t.clock.advance(60_000);

async function fillSignConfirm(ratings: Record<string, string>) {
  const form = await t.app.inject({
    method: 'PUT',
    url: `/api/evaluations/${anId}/form`,
    headers: s.secretary.headers,
    payload: {
      ratings,
      justifications: { contact: 'Đồng chí liên hệ thường xuyên qua điện thoại với chi ủy.' },
      jointMeetingOn: '2026-11-20',
      jointMeetingParticipants: 'Chi ủy, Mặt trận',
    },
  });
  expect(form.statusCode, form.body).toBe(200);
  expect((await post(s.front, `/api/evaluations/${anId}/front-sign`)).statusCode).toBe(200);
  const signed = await post(s.secretary, `/api/evaluations/${anId}/sign`);
  expect(signed.statusCode, signed.body).toBe(200);
  minute();
  expect((await post(s.commune, '/api/evaluations/confirm', { evaluationIds: [anId] })).json()).toEqual({
    changed: 1,
    repeated: 0,
  });
  minute();
}

// each test starts from a fresh database with the cycle opened
beforeEach(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  const a = await newProvinceTree(db, 'R');
  const placed = {
    residenceCommuneId: a.commune.id,
    residenceCellId: a.residentialCell.id,
    residenceAreaId: a.area.id,
  };
  const an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '74000001',
    cellId: a.workplaceCell.id,
    ...placed,
  });
  const binh = await newMember(db, {
    fullName: 'Trần Thị Bình',
    cardNumber: '74000002',
    cellId: a.workplaceCell.id,
    ...placed,
  });
  await newUser(db, {
    username: 'workplace',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, { username: 'commune', grants: [{ role: 'committee_officer', unitId: a.commune.id }] });
  await newUser(db, {
    username: 'secretary',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  await newUser(db, { username: 'front', grants: [{ role: 'front_head', unitId: a.residentialCell.id }] });
  await newUser(db, { username: 'an', memberId: an.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'binh', memberId: binh.id, grants: [{ role: 'member' }] });
  s = {
    workplace: await loginAs(t.app, 'workplace'),
    commune: await loginAs(t.app, 'commune'),
    secretary: await loginAs(t.app, 'secretary'),
    front: await loginAs(t.app, 'front'),
    an: await loginAs(t.app, 'an'),
    binh: await loginAs(t.app, 'binh'),
  };
  expect(
    (
      await post(s.workplace, '/api/evaluations/cycles', {
        unitId: a.workplace.id,
        year: 2026,
        dueDate: '2026-12-20',
      })
    ).statusCode,
  ).toBe(200);
  [{ id: anId }] = (await queryRows<{ id: string }>(
    db,
    sql`select id from evaluations where member_id = ${an.id}`,
  )) as [{ id: string }];
});
afterEach(async () => {
  await t.app.close();
  await database.close();
});

describe('no meeting held in the year', () => {
  it('the evidence counts no meeting, and the paper says "no meeting held" rather than a count or a rate', async () => {
    await fillSignConfirm(FIRST);
    const d = await detail(s.secretary);
    expect(d.form!.evidence).toMatchObject({ meetingsHeld: 0, meetingsAttended: 0 });
    // the flag "rated regularly and actively without attending any meeting" is justified, so it reaches the paper
    expect(d.form!.flags.map((f) => f.code)).toContain('contact_active_without_attendance');
    const docx = await get(s.secretary, `/api/evaluations/${anId}/form.docx`);
    expect(docx.statusCode).toBe(200);
    const text = docxText(docx.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('số liệu theo dõi: chi bộ chưa tổ chức buổi sinh hoạt nào trong năm');
    expect(text).not.toContain('dự 0 buổi sinh hoạt');
  });
});

describe('a disputed comment under revision', () => {
  it('stays readable to the member, marked under revision, until the revised version is released', async () => {
    await fillSignConfirm(FIRST);
    expect((await post(s.workplace, '/api/evaluations/release', { evaluationIds: [anId] })).json()).toEqual({
      changed: 1,
      repeated: 0,
    });
    const released = await detail(s.an);
    expect(released).toMatchObject({ status: 'released', underRevision: false });
    expect(released.form!.ratings).toEqual(FIRST);
    minute();
    expect(
      (
        await post(s.an, `/api/evaluations/${anId}/dispute`, {
          reason: 'Tôi vẫn giữ liên hệ thường xuyên với chi ủy.',
        })
      ).statusCode,
    ).toBe(200);
    const dialogue = {
      dialogueOn: '2026-11-22',
      participants: 'Đảng ủy công ty R, đảng ủy phường R',
      notes: 'Thống nhất sửa tiêu chí liên hệ',
      outcome: 'revised',
    };
    expect((await post(s.workplace, `/api/evaluations/${anId}/dialogue`, dialogue)).statusCode).toBe(200);
    minute();

    // the residence side revises version 2; the member still reads version 1, as released to them
    const during = await detail(s.an);
    expect(during).toMatchObject({ status: 'returned', version: 2, underRevision: true });
    expect(during.form).toMatchObject({ version: 1, ratings: FIRST });
    expect(during.versions.map((v) => v.version)).toEqual([1]);
    expect(
      formContentSchema.parse((await get(s.an, `/api/evaluations/${anId}/versions/1`)).json()).ratings,
    ).toEqual(FIRST);
    expect((await get(s.an, `/api/evaluations/${anId}/versions/2`)).statusCode).toBe(404);
    const mine = myEvaluationsSchema.parse((await get(s.an, '/api/evaluations/mine?year=2026')).json());
    expect(mine.items[0]).toMatchObject({ id: anId, released: true, underRevision: true });
    // nobody else's member reads it, and the residence side sees the revision under way
    expect((await get(s.binh, `/api/evaluations/${anId}`)).statusCode).toBe(404);
    expect((await get(s.binh, `/api/evaluations/${anId}/versions/1`)).statusCode).toBe(404);
    expect(await detail(s.secretary)).toMatchObject({ underRevision: true, form: { version: 2 } });

    // confirmed again but not yet released: still version 1 for the member
    await fillSignConfirm(REVISED);
    expect((await detail(s.an)).form).toMatchObject({ version: 1, ratings: FIRST });
    expect((await get(s.an, `/api/evaluations/${anId}/versions/2`)).statusCode).toBe(404);

    expect((await post(s.workplace, '/api/evaluations/release', { evaluationIds: [anId] })).json()).toEqual({
      changed: 1,
      repeated: 0,
    });
    const after = await detail(s.an);
    expect(after).toMatchObject({
      status: 'released',
      underRevision: false,
      form: { version: 2, ratings: REVISED },
    });
    expect(after.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await get(s.an, `/api/evaluations/${anId}/versions/1`)).statusCode).toBe(200);
  });
});
