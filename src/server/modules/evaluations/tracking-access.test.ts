import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backlogSchema } from '../../../shared/contracts/evaluations';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/** Who follows the evaluations' progress, and what the others are told (a message, never a bare code). */
let database: Database;
let t: TestApp;
let tree: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'member' | 'admin' | 'unitAdmin' | 'workplace' | 'otherWorkplace', Session>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const db = database.db;
  tree = await newProvinceTree(db, 'T');
  const other = await newProvinceTree(db, 'U');
  const member = await newMember(db, {
    fullName: 'Nguyễn Văn Tâm',
    cardNumber: '73000001',
    cellId: tree.workplaceCell.id,
  });
  await newUser(db, { username: 'member', memberId: member.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'admin', grants: [{ role: 'admin' }] });
  await newUser(db, { username: 'unit.admin', grants: [{ role: 'admin', unitId: other.province.id }] });
  await newUser(db, {
    username: 'workplace',
    grants: [{ role: 'committee_officer', unitId: tree.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'other.workplace',
    grants: [{ role: 'committee_officer', unitId: other.workplace.id }],
  });
  s = {
    member: await loginAs(t.app, 'member'),
    admin: await loginAs(t.app, 'admin'),
    unitAdmin: await loginAs(t.app, 'unit.admin'),
    workplace: await loginAs(t.app, 'workplace'),
    otherWorkplace: await loginAs(t.app, 'other.workplace'),
  };
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const get = (who: Session, url: string, lang = 'vi') =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, 'accept-language': lang } });
const errorOf = (res: { json: () => unknown }) => errorResponseSchema.parse(res.json()).error;

describe('evaluation progress: who reads it and what the others read', () => {
  it('a member asking for the review, the backlog or the no-comment list is told they hold no role, in words', async () => {
    for (const url of [
      '/api/evaluations/review',
      '/api/evaluations/backlog?side=workplace',
      '/api/evaluations/backlog?side=residence',
      '/api/evaluations/no-comment?side=workplace',
    ]) {
      const vi = await get(s.member, url);
      expect(vi.statusCode, url).toBe(403);
      expect(errorOf(vi)).toMatchObject({
        code: 'evaluation_no_unit',
        message: expect.stringContaining('chưa được giao vai trò'),
      });
      const en = await get(s.member, url, 'en');
      expect(errorOf(en).message).toContain('You hold no role');
    }
  });

  it('a unit out of reach is "not found" with a message in both languages, for the member and for an officer', async () => {
    const open = await t.app.inject({
      method: 'POST',
      url: '/api/evaluations/cycles',
      headers: s.member.headers,
      payload: { unitId: tree.workplace.id, year: 2026 },
    });
    expect(open.statusCode).toBe(404);
    expect(errorOf(open)).toEqual({
      code: 'unit_not_found',
      message: 'Không tìm thấy đơn vị, hoặc đơn vị ngoài phạm vi của đồng chí.',
    });
    const foreign = await get(
      s.otherWorkplace,
      `/api/evaluations/backlog?side=workplace&unitId=${tree.workplace.id}`,
      'en',
    );
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign)).toEqual({
      code: 'unit_not_found',
      message: 'Unit not found, or outside your reach.',
    });
  });

  it("the administrator's progress tab opens: from their own unit, else from the top of the tree", async () => {
    const top = await get(s.admin, '/api/evaluations/backlog?side=workplace');
    expect(top.statusCode, top.body).toBe(200);
    expect(backlogSchema.parse(top.json()).unit.id).toBe((await firstRoot()).id);
    const own = await get(s.unitAdmin, '/api/evaluations/backlog?side=residence');
    expect(own.statusCode, own.body).toBe(200);
    expect(backlogSchema.parse(own.json()).unit.name).toBe('Đảng bộ tỉnh U');
    expect((await get(s.admin, '/api/evaluations/no-comment?side=residence')).statusCode).toBe(200);
    expect((await get(s.admin, '/api/evaluations/review')).statusCode).toBe(200);
  });

  it('an officer reads their own committee without naming it', async () => {
    const res = await get(s.workplace, '/api/evaluations/backlog?side=workplace');
    expect(res.statusCode).toBe(200);
    expect(backlogSchema.parse(res.json()).unit.id).toBe(tree.workplace.id);
  });
});

async function firstRoot() {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from org_units where parent_id is null and status = 'active' order by name, id limit 1`,
  );
  return row!;
}
