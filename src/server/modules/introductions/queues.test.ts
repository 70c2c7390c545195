import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coverageSchema,
  createLettersResponseSchema,
  residentsResponseSchema,
  transitionResultSchema,
  workplaceMembersResponseSchema,
  workplaceSummarySchema,
  type ResidentItem,
  type QueueItem,
} from '../../../shared/contracts/introductions';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUnit, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/**
 * The work queues of both sides (Art. 3.1, 4.1, 4.2): the workplace sees its members by residence commune and
 * stage, the commune and the cell see who lives there, both see coverage.
 */

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let b: Awaited<ReturnType<typeof newProvinceTree>>;
let secondCell: { id: string; name: string };
let emptyResidentialCell: { id: string; name: string };
let s: Record<'signer' | 'staff' | 'commune' | 'communeB' | 'cell' | 'member' | 'otherWorkplace', Session>;
type M = { id: string; fullName: string };
let an: M, binh: M, cuong: M, dung: M, em: M, giang: M, hai: M, khanh: M, long: M, phuc: M;

const post = async (who: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
const get = async (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

async function letterOf(memberId: string) {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from introduction_letters where member_id = ${memberId} order by created_at desc limit 1`,
  );
  return row!.id;
}

async function ok(res: Awaited<ReturnType<typeof post>>) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as unknown;
}

/** Every page of a keyset-paginated list, one item per page. */
async function walk<T>(
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

beforeAll(async () => {
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

  await newUser(db, {
    username: 'signer',
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
  await newUser(db, { username: 'cell', grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }] });
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
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

const names = (items: { fullName: string }[]) => items.map((i) => i.fullName);

describe('the workplace summary', () => {
  it('counts the committee’s working members by residence commune and stage', async () => {
    const summary = workplaceSummarySchema.parse(
      (await get(s.staff, `/api/introductions/workplace/summary?unitId=${a.workplace.id}`)).json(),
    );
    expect(summary.unitName).toBe(a.workplace.name);
    expect(summary.totals).toEqual({
      not_introduced: 2, // Hải (no residence) and Long (second cell)
      draft: 1,
      awaiting_receipt: 1,
      awaiting_placement: 1,
      awaiting_acknowledgement: 1,
      placed: 1,
      rejected: 1,
      not_to_introduce: 1, // Khánh: counted, never chased (Guide 33)
    });
    expect(summary.overdue).toBe(0);
    const byCommune = summary.communes.map((c) => ({ id: c.communeId, total: c.total }));
    // Communes by name; members with no residence recorded last, under no commune.
    expect(byCommune).toEqual([
      { id: a.commune.id, total: 6 },
      { id: b.commune.id, total: 2 },
      { id: null, total: 1 },
    ]);
    const communeA = summary.communes[0]!;
    expect(communeA.counts).toMatchObject({
      placed: 1,
      awaiting_acknowledgement: 1,
      awaiting_receipt: 1,
      rejected: 1,
      not_to_introduce: 1,
      not_introduced: 1,
      draft: 0,
    });
    expect(summary.communes[1]!.counts).toMatchObject({ awaiting_placement: 1, draft: 1 });
    expect(summary.communes[2]).toMatchObject({
      communeName: null,
      counts: expect.objectContaining({ not_introduced: 1 }),
    });
  });

  it('opens on the officer’s own committee when no unit is given', async () => {
    const summary = workplaceSummarySchema.parse(
      (await get(s.staff, '/api/introductions/workplace/summary')).json(),
    );
    expect(summary.unitId).toBe(a.workplace.id);
  });
});

describe('the workplace queue', () => {
  const queue = (query: string) => `/api/introductions/workplace/members?unitId=${a.workplace.id}${query}`;
  const parse = (body: unknown) => workplaceMembersResponseSchema.parse(body);

  it('filters by stage', async () => {
    const ids = (items: QueueItem[]) => items.map((i) => i.memberId);
    expect(ids(parse((await get(s.staff, queue('&stage=not_introduced'))).json()).items).sort()).toEqual(
      [hai.id, long.id].sort(),
    );
    expect(ids(parse((await get(s.staff, queue('&stage=not_to_introduce'))).json()).items)).toEqual([
      khanh.id,
    ]);
    const rejected = parse((await get(s.staff, queue('&stage=rejected'))).json()).items;
    expect(rejected).toEqual([
      expect.objectContaining({
        fullName: 'Vũ Thị Giang',
        letterStatus: 'rejected',
        rejectReason: 'wrong_address',
        rejectNote: 'Không có số nhà này',
      }),
    ]);
    const waiting = parse((await get(s.staff, queue('&stage=awaiting_receipt'))).json()).items;
    expect(waiting).toEqual([
      expect.objectContaining({
        fullName: 'Lê Văn Cường',
        letterNumber: expect.stringMatching(/-GGT\/ĐU$/),
        overdue: false,
      }),
    ]);
    const ack = parse((await get(s.staff, queue('&stage=awaiting_acknowledgement'))).json()).items;
    expect(ack).toEqual([
      expect.objectContaining({ fullName: 'Trần Thị Bình', residenceCellName: a.residentialCell.name }),
    ]);
  });

  it('filters by residence commune, "none" for members with no residence recorded', async () => {
    expect(
      names(parse((await get(s.staff, queue(`&communeId=${b.commune.id}`))).json()).items).sort(),
    ).toEqual(['Hoàng Văn Em', 'Phạm Thị Dung'].sort());
    expect(parse((await get(s.staff, queue('&communeId=none'))).json()).items).toEqual([
      expect.objectContaining({
        memberId: hai.id,
        residenceCommuneId: null,
        residenceCommuneName: null,
        stage: 'not_introduced',
      }),
    ]);
    expect(
      names(parse((await get(s.staff, queue(`&communeId=${a.commune.id}&stage=draft`))).json()).items),
    ).toEqual([]);
  });

  it('finds a member typed without diacritics, or by card number', async () => {
    const found = parse((await get(s.staff, queue('&q=nguyen%20van%20an'))).json()).items;
    expect(found.map((i) => i.memberId)).toEqual([an.id]);
    expect(found[0]).toMatchObject({
      stage: 'placed',
      residenceCommuneId: a.commune.id,
      cellName: a.workplaceCell.name,
    });
    expect(names(parse((await get(s.staff, queue('&q=VU%20THI'))).json()).items)).toEqual(['Vũ Thị Giang']);
    expect(names(parse((await get(s.staff, queue('&q=41000004'))).json()).items)).toEqual(['Phạm Thị Dung']);
  });

  it('walks every page one by one, each member once, in the same order as one big page', async () => {
    const whole = parse((await get(s.staff, queue('&limit=200'))).json());
    expect(whole.nextCursor).toBeNull();
    expect(whole.items).toHaveLength(9);
    const pages = await walk<QueueItem>(s.staff, queue(''), parse);
    expect(pages.map((i) => i.memberId)).toEqual(whole.items.map((i) => i.memberId));
    expect(new Set(pages.map((i) => i.memberId)).size).toBe(9);
    // Vietnamese order: by given name first (An, Bình, Cường, Dung, Em, Giang, Hải, Khánh, Long).
    expect(names(pages)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
      'Phạm Thị Dung',
      'Hoàng Văn Em',
      'Vũ Thị Giang',
      'Đỗ Văn Hải',
      'Bùi Văn Khánh',
      'Ngô Văn Long',
    ]);
    // with a filter too
    const commune = await walk<QueueItem>(s.staff, queue(`&communeId=${a.commune.id}`), parse);
    expect(commune).toHaveLength(6);
  });
});

describe('residents of a commune and of a cell', () => {
  const parse = (body: unknown) => residentsResponseSchema.parse(body);

  it('lists the working members living in the commune, new arrivals first, with their workplace committee', async () => {
    const res = await get(s.commune, `/api/introductions/residents?unitId=${a.commune.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = parse(res.json()).items;
    // Bình and Phúc were placed and the cell has not yet acknowledged them.
    expect(items.slice(0, 2).map((i) => [i.fullName, i.isNew])).toEqual([
      ['Trần Thị Bình', true],
      ['Lý Văn Phúc', true],
    ]);
    expect(items.slice(2).every((i) => !i.isNew)).toBe(true);
    expect(names(items).sort()).toEqual(
      [
        'Bùi Văn Khánh',
        'Lê Văn Cường',
        'Lý Văn Phúc',
        'Ngô Văn Long',
        'Nguyễn Văn An',
        'Trần Thị Bình',
        'Vũ Thị Giang',
      ].sort(),
    );
    const byName = new Map(items.map((i) => [i.fullName, i]));
    expect(byName.get('Lý Văn Phúc')).toMatchObject({
      workplaceCommitteeId: b.workplace.id,
      workplaceCommitteeName: b.workplace.name,
      workplaceCommitteePhone: '0238 3844 555',
    });
    expect(byName.get('Nguyễn Văn An')).toMatchObject({
      workplaceCommitteeName: a.workplace.name,
      workplaceCellName: a.workplaceCell.name,
      residenceCellName: a.residentialCell.name,
      letterStatus: 'acknowledged',
    });
    expect(byName.get('Ngô Văn Long')).toMatchObject({
      workplaceCommitteeName: a.workplace.name,
      letterId: null,
      isNew: false,
    });
    expect(byName.get('Bùi Văn Khánh')).toMatchObject({
      category: 'not_introduced',
      categoryReason: 'Nhiệm vụ đặc biệt',
    });
  });

  it('walks the residents page by page without losing or repeating anyone', async () => {
    const whole = parse(
      (await get(s.commune, `/api/introductions/residents?unitId=${a.commune.id}&limit=200`)).json(),
    ).items;
    const pages = await walk<ResidentItem>(
      s.commune,
      `/api/introductions/residents?unitId=${a.commune.id}`,
      parse,
    );
    expect(pages.map((i) => i.memberId)).toEqual(whole.map((i) => i.memberId));
    expect(new Set(pages.map((i) => i.memberId)).size).toBe(7);
  });

  it('lists the members placed in a cell for its secretary, new arrivals first', async () => {
    const items = parse(
      (await get(s.cell, `/api/introductions/residents?cellId=${a.residentialCell.id}`)).json(),
    ).items;
    expect(items.map((i) => [i.fullName, i.isNew])).toEqual([
      ['Trần Thị Bình', true],
      ['Lý Văn Phúc', true],
      ['Nguyễn Văn An', false],
    ]);
    // The cell is the secretary's default unit.
    expect(names(parse((await get(s.cell, '/api/introductions/residents')).json()).items)).toEqual(
      names(items),
    );
    expect(
      names(parse((await get(s.cell, '/api/introductions/residents?onlyNew=true')).json()).items),
    ).toEqual(['Trần Thị Bình', 'Lý Văn Phúc']);
    expect(names(parse((await get(s.cell, '/api/introductions/residents?q=ly%20van')).json()).items)).toEqual(
      ['Lý Văn Phúc'],
    );
    expect(
      parse((await get(s.commune, `/api/introductions/residents?cellId=${emptyResidentialCell.id}`)).json())
        .items,
    ).toEqual([]);
  });
});

describe('coverage', () => {
  it('workplace side: the committee and each of its cells', async () => {
    const res = await get(s.staff, `/api/introductions/coverage?unitId=${a.workplace.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = coverageSchema.parse(res.json());
    expect(c.side).toBe('workplace');
    // introduced: An, Bình, Cường, Dung (issued or further); the draft and the rejected letter do not count.
    expect(c.total).toMatchObject({
      unitId: a.workplace.id,
      total: 9,
      introduced: 4,
      received: 3,
      placed: 2,
      notToIntroduce: 1,
    });
    expect(c.children).toEqual([
      {
        unitId: a.workplaceCell.id,
        unitName: a.workplaceCell.name,
        unitType: 'workplace_cell',
        total: 8,
        introduced: 4,
        received: 3,
        placed: 2,
        notToIntroduce: 1,
      },
      {
        unitId: secondCell.id,
        unitName: secondCell.name,
        unitType: 'workplace_cell',
        total: 1,
        introduced: 0,
        received: 0,
        placed: 0,
        notToIntroduce: 0,
      },
    ]);
  });

  it('residence side: the commune and each residential cell, including an empty one', async () => {
    const c = coverageSchema.parse(
      (await get(s.commune, `/api/introductions/coverage?unitId=${a.commune.id}`)).json(),
    );
    expect(c.side).toBe('residence');
    // Everyone living here, whichever committee they work for.
    expect(c.total).toMatchObject({ total: 7, introduced: 4, received: 3, placed: 3, notToIntroduce: 1 });
    expect(c.children).toEqual([
      {
        unitId: a.residentialCell.id,
        unitName: a.residentialCell.name,
        unitType: 'residential_cell',
        total: 3,
        introduced: 3,
        received: 3,
        placed: 3,
        notToIntroduce: 0,
      },
      {
        unitId: emptyResidentialCell.id,
        unitName: emptyResidentialCell.name,
        unitType: 'residential_cell',
        total: 0,
        introduced: 0,
        received: 0,
        placed: 0,
        notToIntroduce: 0,
      },
    ]);
  });

  it('a cell secretary sees the residence side of the cell only', async () => {
    const c = coverageSchema.parse((await get(s.cell, '/api/introductions/coverage')).json());
    expect(c.total).toMatchObject({ unitId: a.residentialCell.id, total: 3, placed: 3 });
    expect(
      (await get(s.cell, `/api/introductions/coverage?unitId=${a.residentialCell.id}&side=workplace`))
        .statusCode,
    ).toBe(403);
  });
});

describe('scope', () => {
  it('answers "not found" for units out of reach', async () => {
    expect(
      (await get(s.otherWorkplace, `/api/introductions/workplace/members?unitId=${a.workplace.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await get(s.commune, `/api/introductions/workplace/summary?unitId=${a.workplace.id}`)).statusCode,
    ).toBe(404);
    expect((await get(s.communeB, `/api/introductions/residents?unitId=${a.commune.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await get(s.communeB, `/api/introductions/residents?cellId=${a.residentialCell.id}`)).statusCode,
    ).toBe(404);
    // a cell secretary does not read the whole commune
    expect((await get(s.cell, `/api/introductions/residents?unitId=${a.commune.id}`)).statusCode).toBe(404);
    expect((await get(s.communeB, `/api/introductions/coverage?unitId=${a.commune.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await get(s.otherWorkplace, `/api/introductions/coverage?unitId=${a.workplace.id}`)).statusCode,
    ).toBe(404);
  });

  it('a member cannot read the queues', async () => {
    for (const url of [
      '/api/introductions/workplace/summary',
      `/api/introductions/workplace/summary?unitId=${a.workplace.id}`,
      `/api/introductions/workplace/members?unitId=${a.workplace.id}`,
      '/api/introductions/residents',
      `/api/introductions/residents?unitId=${a.commune.id}`,
      `/api/introductions/residents?cellId=${a.residentialCell.id}`,
      `/api/introductions/coverage?unitId=${a.workplace.id}`,
    ]) {
      expect((await get(s.member, url)).statusCode, url).toBe(404);
    }
  });
});
