import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitLookupListSchema } from '../../../shared/contracts/org-units';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUnit, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

let database: Database;
let t: TestApp;
let tree: Awaited<ReturnType<typeof newProvinceTree>>;
let thanhVinh: Awaited<ReturnType<typeof newUnit>>;
let officer: Session;
let member: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  tree = await newProvinceTree(database.db);
  thanhVinh = await newUnit(database.db, {
    parent: tree.province,
    type: 'commune_committee',
    name: 'Phường Thành Vinh',
  });
  await newUnit(database.db, {
    parent: tree.province,
    type: 'commune_committee',
    name: 'Phường Thành Cũ',
    status: 'merged',
  });
  await newUnit(database.db, {
    parent: thanhVinh,
    type: 'workplace_committee',
    sector: 'agency',
    name: 'Đảng bộ Sở Thành',
  });
  await newUser(database.db, {
    username: 'officer',
    grants: [{ role: 'committee_officer', unitId: tree.workplace.id }],
  });
  const m = await newMember(database.db, { cellId: tree.workplaceCell.id });
  await newUser(database.db, { username: 'member', memberId: m.id, grants: [{ role: 'member' }] });
  officer = await loginAs(t.app, 'officer');
  member = await loginAs(t.app, 'member');
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

const lookup = async (s: Session, query: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/lookups/units?${query}`,
    headers: { cookie: s.cookie },
  });
  expect(res.statusCode).toBe(200);
  return unitLookupListSchema.parse(res.json()).items;
};

describe('GET /api/lookups/units', () => {
  it('lets an officer find a commune anywhere in the province, diacritics ignored, active only', async () => {
    const items = await lookup(officer, 'type=commune_committee&q=thanh');
    expect(items).toEqual([
      {
        id: thanhVinh.id,
        name: 'Phường Thành Vinh',
        type: 'commune_committee',
        parentName: tree.province.name,
      },
    ]);
  });

  it('lets an officer name any workplace committee (a member found living locally), other types stay in scope', async () => {
    expect((await lookup(officer, 'type=workplace_committee&q=thanh')).map((u) => u.name)).toEqual(['Đảng bộ Sở Thành']);
    expect(await lookup(officer, 'type=bloc_committee&q=thanh')).toEqual([]);
  });

  it('limits a picker for acting on a unit to the user’s reach (within=reach)', async () => {
    expect(await lookup(officer, 'type=commune_committee&q=thanh&within=reach')).toEqual([]);
    expect((await lookup(officer, 'type=workplace_committee&within=reach')).map((u) => u.id)).toEqual([tree.workplace.id]);
  });

  it('lets a member pick the commune they moved to, and keeps other types within what they can see', async () => {
    expect((await lookup(member, 'type=commune_committee&q=thanh')).map((u) => u.name)).toEqual(['Phường Thành Vinh']);
    expect(await lookup(member, 'type=workplace_committee&q=thanh')).toEqual([]);
    const cells = await lookup(member, 'type=workplace_cell');
    expect(cells.map((u) => u.id)).toEqual([tree.workplaceCell.id]);
  });

  it('caps the limit at 50 and refuses more', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/lookups/units?limit=500',
      headers: { cookie: officer.cookie },
    });
    expect(res.statusCode).toBe(422);
    expect((await lookup(officer, 'limit=1')).length).toBe(1);
  });

  it('is for logged-in users only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/lookups/units' });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/lookups/areas', () => {
  it('lets an officer pick the residential area of a member living in another commune', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/lookups/areas?communeUnitId=${tree.commune.id}`,
      headers: { cookie: officer.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((a: { id: string }) => a.id)).toEqual([tree.area.id]);
  });

  it('gives members the areas without the Front head’s contact', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/lookups/areas?communeUnitId=${tree.commune.id}`,
      headers: { cookie: member.cookie },
    });
    expect(res.json().items).toEqual([expect.objectContaining({ id: tree.area.id, frontHeadName: null, frontHeadPhone: null })]);
  });
});
