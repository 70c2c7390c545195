import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { createLettersResponseSchema, transitionResultSchema } from '../../../shared/contracts/introductions';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUnit, newUser } from '../../../../tests/fixtures/factories';
import { newIntroductionOfficers } from './officers.fixture';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/**
 * The data of the queue tests (queues-workplace.test.ts, queues-residence.test.ts): the work queues of both sides
 * (Art. 3.1, 4.1, 4.2). The workplace sees its members by residence commune and stage, the commune and the cell
 * see who lives there, both see coverage. Each test file builds its own database with `setupQueues`.
 */

export let database: Database;
export let t: TestApp;
export let a: Awaited<ReturnType<typeof newProvinceTree>>;
export let b: Awaited<ReturnType<typeof newProvinceTree>>;
export let secondCell: { id: string; name: string };
export let emptyResidentialCell: { id: string; name: string };
export let s: Record<
  'signer' | 'staff' | 'commune' | 'communeB' | 'cell' | 'member' | 'otherWorkplace',
  Session
>;
export type M = { id: string; fullName: string };
export let an: M, binh: M, cuong: M, dung: M, em: M, giang: M, hai: M, khanh: M, long: M, phuc: M;

export const post = async (who: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
export const get = async (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

export async function letterOf(memberId: string) {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from introduction_letters where member_id = ${memberId} order by created_at desc limit 1`,
  );
  return row!.id;
}

export async function ok(res: Awaited<ReturnType<typeof post>>) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as unknown;
}

/** Every page of a keyset-paginated list, one item per page. */
export async function walk<T>(
  who: Session,
  url: string,
  parse: (body: unknown) => { items: T[]; nextCursor: string | null },
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await get(who, `${url}${sep}limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = parse(res.json());
    expect(page.items.length).toBeLessThanOrEqual(1);
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return all;
  }
  throw new Error('pagination does not end');
}

/** One database per test file, with the members at every stage (read only: the tests change nothing). */
export async function setupQueues() {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const db = database.db;
  a = await newProvinceTree(db, 'A');
  b = await newProvinceTree(db, 'B');
  secondCell = await newUnit(db, {
    parent: a.workplace,
    type: 'workplace_cell',
    name: 'Chi bộ Phân xưởng A2',
  });
  emptyResidentialCell = await newUnit(db, {
    parent: a.commune,
    type: 'residential_cell',
    name: 'Chi bộ khối A2',
  });
  const cell = a.workplaceCell.id;
  an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '41000001',
    cellId: cell,
    residenceCommuneId: a.commune.id,
    residenceAreaId: a.area.id,
  });
  binh = await newMember(db, {
    fullName: 'Trần Thị Bình',
    cardNumber: '41000002',
    cellId: cell,
    residenceCommuneId: a.commune.id,
    residenceAreaId: a.area.id,
  });
  cuong = await newMember(db, {
    fullName: 'Lê Văn Cường',
    cardNumber: '41000003',
    cellId: cell,
    residenceCommuneId: a.commune.id,
  });
  dung = await newMember(db, {
    fullName: 'Phạm Thị Dung',
    cardNumber: '41000004',
    cellId: cell,
    residenceCommuneId: b.commune.id,
  });
  em = await newMember(db, {
    fullName: 'Hoàng Văn Em',
    cardNumber: '41000005',
    cellId: cell,
    residenceCommuneId: b.commune.id,
  });
  giang = await newMember(db, {
    fullName: 'Vũ Thị Giang',
    cardNumber: '41000006',
    cellId: cell,
    residenceCommuneId: a.commune.id,
    residenceStreet: 'Số 9 ngõ 4',
  });
  hai = await newMember(db, { fullName: 'Đỗ Văn Hải', cardNumber: '41000007', cellId: cell });
  khanh = await newMember(db, {
    fullName: 'Bùi Văn Khánh',
    cardNumber: '41000008',
    cellId: cell,
    residenceCommuneId: a.commune.id,
    category: 'not_introduced',
    categoryReason: 'Nhiệm vụ đặc biệt',
  });
  long = await newMember(db, {
    fullName: 'Ngô Văn Long',
    cardNumber: '41000009',
    cellId: secondCell.id,
    residenceCommuneId: a.commune.id,
  });
  // Not counted anywhere: no longer active, or not a working member (Party life in a residential cell).
  await newMember(db, {
    fullName: 'Mai Văn Mạnh',
    cardNumber: '41000010',
    cellId: cell,
    residenceCommuneId: a.commune.id,
    status: 'expelled',
  });
  await newMember(db, {
    fullName: 'Tạ Văn Nam',
    cardNumber: '41000011',
    cellId: a.residentialCell.id,
    residenceCommuneId: a.commune.id,
    residenceCellId: a.residentialCell.id,
  });
  // Works for another committee, lives in commune A.
  phuc = await newMember(db, {
    fullName: 'Lý Văn Phúc',
    cardNumber: '41000012',
    cellId: b.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });

  await newIntroductionOfficers(db, a, b);
  await newUser(db, { username: 'an', memberId: an.id, grants: [{ role: 'member' }] });
  await db.execute(sql`update org_units set phone = '0238 3844 555' where id = ${b.workplace.id}`);
  s = {
    signer: await loginAs(t.app, 'signer'),
    staff: await loginAs(t.app, 'staff'),
    otherWorkplace: await loginAs(t.app, 'other.workplace'),
    commune: await loginAs(t.app, 'commune'),
    communeB: await loginAs(t.app, 'commune.b'),
    cell: await loginAs(t.app, 'cell'),
    member: await loginAs(t.app, 'an'),
  };

  // Walk each member to a different stage through the API.
  const issued = createLettersResponseSchema.parse(
    await ok(
      await post(s.signer, '/api/introductions/letters', {
        memberIds: [an.id, binh.id, cuong.id, dung.id, giang.id],
        issue: true,
      }),
    ),
  );
  expect(issued.issued).toBe(5);
  expect(
    createLettersResponseSchema.parse(
      await ok(await post(s.signer, '/api/introductions/letters', { memberIds: [em.id] })),
    ).created,
  ).toBe(1);
  expect(
    createLettersResponseSchema.parse(
      await ok(
        await post(s.otherWorkplace, '/api/introductions/letters', { memberIds: [phuc.id], issue: true }),
      ),
    ).issued,
  ).toBe(1);
  const placements = [an, binh, phuc].map(async (m) => ({
    letterId: await letterOf(m.id),
    cellId: a.residentialCell.id,
  }));
  expect(
    transitionResultSchema.parse(
      await ok(
        await post(s.commune, '/api/introductions/letters/place', {
          placements: await Promise.all(placements),
        }),
      ),
    ).changed,
  ).toBe(3);
  expect(
    transitionResultSchema.parse(
      await ok(
        await post(s.cell, '/api/introductions/letters/acknowledge', { letterIds: [await letterOf(an.id)] }),
      ),
    ).changed,
  ).toBe(1);
  expect(
    transitionResultSchema.parse(
      await ok(
        await post(s.communeB, '/api/introductions/letters/receive', {
          letterIds: [await letterOf(dung.id)],
        }),
      ),
    ).changed,
  ).toBe(1);
  expect(
    transitionResultSchema.parse(
      await ok(
        await post(s.commune, '/api/introductions/letters/reject', {
          letterIds: [await letterOf(giang.id)],
          reason: 'wrong_address',
          note: 'Không có số nhà này',
        }),
      ),
    ).changed,
  ).toBe(1);
}

export async function closeQueues() {
  await t.app.close();
  await database.close();
}

export const names = (items: { fullName: string }[]) => items.map((i) => i.fullName);
