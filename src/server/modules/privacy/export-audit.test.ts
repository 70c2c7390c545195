import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { newEvaluation, newLetter } from '../../../../tests/fixtures/domain-factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { passSecondFactor } from './testing';

let database: Database;
let t: TestApp;
let an: { id: string };
let letter: { id: string };
let evaluation: { id: string };
let officer: Session;
let workplace: Session;
let member: Session;

const get = (s: Session, url: string, source?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: s.cookie, ...(source ? { 'x-read-source': source } : {}) },
  });
const readsOf = async (memberId: string) => {
  await t.app.readLog.flush();
  return queryRows<{ what: string; source: string | null }>(
    database.db,
    sql`select what, source from record_reads where member_id = ${memberId} order by id`,
  );
};
const exportsBy = (what: string) =>
  queryRows<{ after: { what: string; filters: Record<string, unknown>; rowCount: number | null } }>(
    database.db,
    sql`select after from audit_log where action = 'data.exported' and entity_id = ${what} order by id`,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const db = database.db;
  const a = await newProvinceTree(db, 'A');
  an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '40001234',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
    residenceCellId: a.residentialCell.id,
  });
  await newMember(db, {
    fullName: 'Trần Thị Bình',
    cardNumber: '40005678',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });
  letter = await newLetter(db, {
    memberId: an.id,
    issuingUnitId: a.workplace.id,
    receivingCommuneId: a.commune.id,
    signerName: 'Lê Văn Ký',
    signerPosition: 'secretary',
  });
  evaluation = await newEvaluation(db, {
    memberId: an.id,
    workplaceUnitId: a.workplace.id,
    communeId: a.commune.id,
    status: 'drafted',
  });
  await newUser(db, {
    username: 'officer',
    displayName: 'Cán bộ Xã A',
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'workplace',
    displayName: 'Đảng ủy Công ty',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, { username: 'an', displayName: 'An', memberId: an.id, grants: [{ role: 'member' }] });
  [officer, workplace, member] = await Promise.all(
    ['officer', 'workplace', 'an'].map((u) => loginAs(t.app, u)),
  );
  await passSecondFactor(database, ['officer', 'workplace']);
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('reads of letters, evaluations and documents about a member', () => {
  it('a letter read by an officer is logged; the member reading it is not', async () => {
    const before = (await readsOf(an.id)).length;
    expect(
      (await get(officer, `/api/introductions/letters/${letter.id}`, `/introductions/letters/${letter.id}`))
        .statusCode,
    ).toBe(200);
    expect((await get(member, `/api/introductions/letters/${letter.id}`)).statusCode).toBe(200);
    expect((await readsOf(an.id)).slice(before)).toEqual([
      { what: 'letter', source: `/introductions/letters/${letter.id}` },
    ]);
  });

  it('a letter printed as PDF is a read of the record and an audited export', async () => {
    const res = await get(workplace, `/api/introductions/letters/${letter.id}/pdf`, '/introductions');
    expect(res.statusCode).toBe(200);
    expect((await readsOf(an.id)).at(-1)).toEqual({ what: 'document', source: '/introductions' });
    expect((await exportsBy('letter.pdf')).map((e) => e.after)).toEqual([
      { what: 'letter.pdf', filters: { letterId: letter.id }, rowCount: 1 },
    ]);
  });

  it('an evaluation read by an officer is logged', async () => {
    const res = await get(workplace, `/api/evaluations/${evaluation.id}`, `/evaluations/${evaluation.id}`);
    expect(res.statusCode).toBe(200);
    expect((await readsOf(an.id)).at(-1)).toEqual({
      what: 'evaluation',
      source: `/evaluations/${evaluation.id}`,
    });
  });
});

describe('exports are audited', () => {
  it('the members list as Excel: who, the filters, the rows in the file', async () => {
    const res = await get(workplace, '/api/members/export.xlsx?q=nguyen');
    expect(res.statusCode).toBe(200);
    // the entry is written when the streamed file is complete
    await new Promise((r) => setTimeout(r, 200));
    const [entry] = await exportsBy('members.xlsx');
    expect(entry!.after).toMatchObject({ what: 'members.xlsx', filters: { q: 'nguyen' }, rowCount: 1 });
    const [who] = await queryRows<{ name: string }>(
      database.db,
      sql`select u.display_name as name from audit_log a join users u on u.id = a.actor_user_id where a.entity_id = 'members.xlsx'`,
    );
    expect(who!.name).toBe('Đảng ủy Công ty');
  });
});
