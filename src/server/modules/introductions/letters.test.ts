import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createLettersResponseSchema,
  letterDetailSchema,
  myResidenceSchema,
  transitionResultSchema,
  verifyResultSchema,
  workplaceSummarySchema,
} from '../../../shared/contracts/introductions';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUnit, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let b: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<
  'signer' | 'staff' | 'commune' | 'communeB' | 'cell' | 'member' | 'admin' | 'otherWorkplace',
  Session
>;
let an: { id: string };
let binh: { id: string };
let outsider: { id: string };

const post = async (who: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
const get = async (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

// Each test on its own database, bringing the letters to the stage it needs (no test counts on another's steps).
beforeEach(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const db = database.db;
  a = await newProvinceTree(db, 'A');
  b = await newProvinceTree(db, 'B');
  an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '40000001',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
    residenceAreaId: a.area.id,
    residenceStreet: 'Số 5 Lê Lợi',
  });
  binh = await newMember(db, {
    fullName: 'Trần Thị Bình',
    cardNumber: '40000002',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });
  outsider = await newMember(db, {
    fullName: 'Lê Văn Cường',
    cardNumber: '40000003',
    cellId: b.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });
  await newUser(db, {
    username: 'signer',
    displayName: 'Bí thư Đảng ủy A',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'staff',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'other.workplace',
    grants: [{ role: 'committee_officer', unitId: b.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'commune',
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'commune.b',
    grants: [{ role: 'committee_officer', unitId: b.commune.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'cell',
    displayName: 'Bí thư chi bộ khối',
    phone: '0912000111',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  await newUser(db, { username: 'an', memberId: an.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'admin', grants: [{ role: 'admin' }] });
  s = {
    signer: await loginAs(t.app, 'signer'),
    staff: await loginAs(t.app, 'staff'),
    otherWorkplace: await loginAs(t.app, 'other.workplace'),
    commune: await loginAs(t.app, 'commune'),
    communeB: await loginAs(t.app, 'commune.b'),
    cell: await loginAs(t.app, 'cell'),
    member: await loginAs(t.app, 'an'),
    admin: await loginAs(t.app, 'admin'),
  };
});

afterEach(async () => {
  await t.app.close();
  await database.close();
});

async function letterOf(memberId: string) {
  const [row] = await queryRows<{ id: string; status: string; number: number | null }>(
    database.db,
    sql`select id, status, number from introduction_letters where member_id = ${memberId} order by created_at desc limit 1`,
  );
  return row!;
}

/** The cell's working members (An, Bình) drafted in one batch by the staff, then issued by the secretary (numbers 1, 2). */
async function batch(issue = true): Promise<string> {
  const created = createLettersResponseSchema.parse(
    (await post(s.staff, '/api/introductions/letters', { unitId: a.workplaceCell.id })).json(),
  );
  if (issue) await post(s.signer, '/api/introductions/letters/issue', { letterIds: created.letterIds });
  return created.batchId!;
}

describe('the hand-off from workplace to residential cell', () => {
  it('drafts one letter per member, skipping those who cannot be introduced', async () => {
    const res = await post(s.staff, '/api/introductions/letters', { unitId: a.workplaceCell.id });
    expect(res.statusCode).toBe(200);
    const body = createLettersResponseSchema.parse(res.json());
    expect(body.created).toBe(2);
    expect(body.issued).toBe(0);
    expect(body.byCommune).toEqual([{ communeId: a.commune.id, communeName: a.commune.name, count: 2 }]);
    // A second click creates nothing twice.
    const again = createLettersResponseSchema.parse(
      (await post(s.staff, '/api/introductions/letters', { unitId: a.workplaceCell.id })).json(),
    );
    expect(again.created).toBe(0);
    expect(again.skipped.map((x) => x.reason)).toEqual(['has_open_letter', 'has_open_letter']);
  });

  it('refuses a letter for a member outside the committee', async () => {
    const res = await post(s.staff, '/api/introductions/letters', { memberIds: [outsider.id] });
    expect(res.statusCode).toBe(404);
  });

  it('lets only the secretary or deputy issue, numbering per committee per year', async () => {
    const batchId = await batch(false);
    const draft = await letterOf(an.id);
    const refused = await post(s.staff, '/api/introductions/letters/issue', { letterIds: [draft.id] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/bí thư/i);
    const admin = await post(s.admin, '/api/introductions/letters/issue', { letterIds: [draft.id] });
    expect(admin.statusCode).toBe(403);
    const ids = (
      await queryRows<{ id: string }>(
        database.db,
        sql`select id from introduction_letters where batch_id = ${batchId}`,
      )
    ).map((r) => r.id);
    const res = await post(s.signer, '/api/introductions/letters/issue', { letterIds: ids });
    expect(transitionResultSchema.parse(res.json())).toMatchObject({ changed: 2, repeated: 0 });
    // Retried request: harmless.
    expect(
      transitionResultSchema.parse(
        (await post(s.signer, '/api/introductions/letters/issue', { letterIds: ids })).json(),
      ),
    ).toMatchObject({ changed: 0, repeated: 2 });
    const numbers = (
      await queryRows<{ number: number }>(
        database.db,
        sql`select number from introduction_letters where batch_id = ${batchId} order by number`,
      )
    ).map((r) => r.number);
    expect(numbers).toEqual([1, 2]);
  });

  it('shows the workplace its members by commune and stage', async () => {
    await batch();
    const res = await get(s.staff, `/api/introductions/workplace/summary?unitId=${a.workplace.id}`);
    const summary = workplaceSummarySchema.parse(res.json());
    expect(summary.totals.awaiting_receipt).toBe(2);
    expect(summary.communes[0]!.communeName).toBe(a.commune.name);
    expect(
      (await get(s.otherWorkplace, `/api/introductions/workplace/summary?unitId=${a.workplace.id}`))
        .statusCode,
    ).toBe(404);
  });

  it('answers 409 for a step out of order', async () => {
    await batch();
    const l = await letterOf(an.id);
    // The cell cannot even see a letter not yet placed with it …
    expect(
      (await post(s.cell, '/api/introductions/letters/acknowledge', { letterIds: [l.id] })).statusCode,
    ).toBe(404);
    // … and whoever may act on every side still cannot skip steps.
    const res = await post(s.admin, '/api/introductions/letters/acknowledge', { letterIds: [l.id] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('đã phát hành');
  });

  it('refuses placing a member in a cell outside the receiving commune', async () => {
    await batch();
    const l = await letterOf(an.id);
    const res = await post(s.commune, '/api/introductions/letters/place', {
      placements: [{ letterId: l.id, cellId: b.residentialCell.id }],
    });
    expect(res.statusCode).toBe(422);
    expect((await letterOf(an.id)).status).toBe('issued');
  });

  it('hides letters from a commune they are not addressed to', async () => {
    await batch();
    const l = await letterOf(an.id);
    expect((await get(s.communeB, `/api/introductions/letters/${l.id}`)).statusCode).toBe(404);
    expect(
      (await post(s.communeB, '/api/introductions/letters/receive', { letterIds: [l.id] })).statusCode,
    ).toBe(404);
  });

  it('the commune accepts and places, the cell acknowledges and the member learns whom to contact', async () => {
    await batch();
    const l = await letterOf(an.id);
    const detail = letterDetailSchema.parse(
      (await get(s.commune, `/api/introductions/letters/${l.id}`)).json(),
    );
    expect(detail.suggestedCellId).toBe(a.residentialCell.id);
    expect(detail.allowedActions).toEqual(expect.arrayContaining(['receive', 'place', 'reject']));
    const placed = await post(s.commune, '/api/introductions/letters/place', {
      placements: [{ letterId: l.id, cellId: a.residentialCell.id }],
    });
    expect(transitionResultSchema.parse(placed.json()).changed).toBe(1);
    const ack = await post(s.cell, '/api/introductions/letters/acknowledge', { letterIds: [l.id] });
    expect(transitionResultSchema.parse(ack.json()).changed).toBe(1);
    const mine = myResidenceSchema.parse((await get(s.member, '/api/introductions/mine')).json());
    expect(mine.stage).toBe('placed');
    expect(mine.cell).toMatchObject({
      cellId: a.residentialCell.id,
      secretaryName: 'Bí thư chi bộ khối',
      secretaryPhone: '0912000111',
    });
    expect(mine.residenceHistory[0]).toMatchObject({ unitName: a.residentialCell.name, validTo: null });
    const [note] = await queryRows<{ kind: string }>(
      database.db,
      sql`select n.kind from notifications n join users u on u.id = n.user_id where u.username = 'an' and n.kind = 'my_cell_ready'`,
    );
    expect(note?.kind).toBe('my_cell_ready');
    const history = letterDetailSchema
      .parse((await get(s.member, `/api/introductions/letters/${l.id}`)).json())
      .history.map((h) => h.action);
    expect(history).toEqual([
      'introduction.created',
      'introduction.issue',
      'introduction.receive',
      'introduction.place',
      'introduction.acknowledge',
    ]);
  });

  it('a rejected letter goes back and is re-sent to the right commune', async () => {
    await batch();
    const l = await letterOf(binh.id);
    const rejected = await post(s.commune, '/api/introductions/letters/reject', {
      letterIds: [l.id],
      reason: 'not_our_area',
    });
    expect(rejected.statusCode).toBe(200);
    const resend = await post(s.signer, `/api/introductions/letters/${l.id}/resend`, {
      receivingCommuneId: b.commune.id,
      residenceStreet: 'Xóm 3',
      issue: true,
    });
    expect(resend.statusCode).toBe(200);
    const next = await letterOf(binh.id);
    expect(next).toMatchObject({ status: 'issued', number: 3 });
    expect((await get(s.communeB, `/api/introductions/letters/${next.id}`)).statusCode).toBe(200);
    expect(
      letterDetailSchema.parse((await get(s.staff, `/api/introductions/letters/${l.id}`)).json()),
    ).toMatchObject({ status: 'superseded', nextLetterId: next.id });
  });

  it('verifies a printed code publicly and detects an altered record', async () => {
    await batch();
    const issued = await letterOf(an.id);
    await post(s.commune, '/api/introductions/letters/place', {
      placements: [{ letterId: issued.id, cellId: a.residentialCell.id }],
    });
    await post(s.cell, '/api/introductions/letters/acknowledge', { letterIds: [issued.id] });
    const l = letterDetailSchema.parse(
      (await get(s.staff, `/api/introductions/letters/${(await letterOf(an.id)).id}`)).json(),
    );
    const res = await t.app.inject({ method: 'GET', url: `/api/verify/${l.verificationCode}` });
    expect(verifyResultSchema.parse(res.json())).toMatchObject({
      valid: true,
      number: '1-GGT/ĐU',
      memberInitials: 'N.V.A.',
      status: 'acknowledged',
    });
    expect(
      verifyResultSchema.parse(
        (await t.app.inject({ method: 'GET', url: '/api/verify/0000-0000-0000' })).json(),
      ).valid,
    ).toBe(false);
    await database.db.execute(sql`update introduction_letters set number = 99 where id = ${l.id}`);
    expect(
      verifyResultSchema.parse(
        (await t.app.inject({ method: 'GET', url: `/api/verify/${l.verificationCode}` })).json(),
      ),
    ).toMatchObject({ valid: false, altered: true });
    await database.db.execute(sql`update introduction_letters set number = 1 where id = ${l.id}`);
  });

  it('renders the letter as PDF and DOCX for those who may read it', async () => {
    const batchId = await batch();
    const l = await letterOf(an.id);
    const pdf = await get(s.commune, `/api/introductions/letters/${l.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await get(s.member, `/api/introductions/letters/${l.id}/docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get(s.communeB, `/api/introductions/letters/${l.id}/pdf`)).statusCode).toBe(404);
    const batchPdf = await get(s.staff, `/api/introductions/batches/${batchId}/pdf`);
    expect(batchPdf.statusCode).toBe(200);
  });
});

describe('a cell inside another commune', () => {
  it('is not a placement target', async () => {
    const stray = await newUnit(database.db, {
      parent: b.commune,
      type: 'residential_cell',
      name: 'Chi bộ lạc',
    });
    const m = await newMember(database.db, {
      cellId: a.workplaceCell.id,
      residenceCommuneId: a.commune.id,
      cardNumber: '40000009',
    });
    const created = createLettersResponseSchema.parse(
      (await post(s.signer, '/api/introductions/letters', { memberIds: [m.id], issue: true })).json(),
    );
    expect(created.issued).toBe(1);
    const res = await post(s.commune, '/api/introductions/letters/place', {
      placements: [{ letterId: created.letterIds[0], cellId: stray.id }],
    });
    expect(res.statusCode).toBe(422);
  });
});
