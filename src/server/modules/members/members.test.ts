import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberDetailSchema, memberListResponseSchema } from '../../../shared/contracts/members';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUnit, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let b: Awaited<ReturnType<typeof newProvinceTree>>;
let an: { id: string };
let otherCommuneMember: { id: string };
let admin: Session;
let officerA: Session;
let workplaceOfficer: Session;
let memberSession: Session;
let secretary: Session;

const list = async (s: Session, query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/members?${query}`, headers: { cookie: s.cookie } });
  expect(res.statusCode).toBe(200);
  return memberListResponseSchema.parse(res.json());
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const db = database.db;
  a = await newProvinceTree(db, 'A');
  b = await newProvinceTree(db, 'B');
  // A working member of workplace A living in commune A, a retired member of cell A, one of commune B.
  an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '40001234',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
    residenceAreaId: a.area.id,
    registeredCommune: 'Xã Hưng Nguyên',
  });
  const names = ['Trần Thị Bình', 'Lê Văn Anh', 'Phạm Thị Ánh', 'Hoàng Văn Ân', 'Đỗ Minh Đông', 'Bùi Thị Dung'];
  for (const [i, fullName] of names.entries()) {
    await newMember(db, { fullName, cardNumber: `4100000${i}`, cellId: a.residentialCell.id, residenceCommuneId: a.commune.id });
  }
  otherCommuneMember = await newMember(db, { fullName: 'Nguyễn Văn An', cardNumber: '50001234', cellId: b.residentialCell.id, residenceCommuneId: b.commune.id });
  await newUser(db, { username: 'admin', displayName: 'Quản trị', grants: [{ role: 'admin', unitId: a.province.id }] });
  await newUser(db, { username: 'officer.a', displayName: 'Cán bộ A', grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'staff' }] });
  await newUser(db, { username: 'workplace.a', displayName: 'Đảng ủy công ty', grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }] });
  await newUser(db, { username: 'secretary.a', displayName: 'Bí thư', grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }] });
  await newUser(db, { username: 'an', displayName: 'An', memberId: an.id, grants: [{ role: 'member' }] });
  admin = await loginAs(t.app, 'admin');
  officerA = await loginAs(t.app, 'officer.a');
  workplaceOfficer = await loginAs(t.app, 'workplace.a');
  memberSession = await loginAs(t.app, 'an');
  secretary = await loginAs(t.app, 'secretary.a');
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('search', () => {
  it('ignores diacritics and case', async () => {
    const page = await list(officerA, 'q=nguyen van an');
    expect(page.items.map((m) => m.id)).toEqual([an.id]);
    expect((await list(officerA, `q=${encodeURIComponent('NGUYỄN an')}`)).items.map((m) => m.id)).toEqual([an.id]);
  });

  it('tolerates a typo when nothing matches exactly', async () => {
    expect((await list(officerA, 'q=nguyen van ann')).items.map((m) => m.id)).toContain(an.id);
    expect((await list(officerA, 'q=nguyen vn an')).items.map((m) => m.id)).toContain(an.id);
  });

  it('does not bury an exact match among near-misses', async () => {
    // Words match as prefixes (typing "an" also finds "Anh", "Ân"), but never a fuzzy "Văn Bình".
    expect((await list(officerA, 'q=van an')).items.map((m) => m.fullName)).toEqual(['Nguyễn Văn An', 'Lê Văn Anh', 'Hoàng Văn Ân']);
  });

  it('finds by card-number prefix', async () => {
    expect((await list(admin, 'q=4000')).items.map((m) => m.fullName)).toEqual(['Nguyễn Văn An']);
  });

  it('sorts names the Vietnamese way: given name first', async () => {
    const page = await list(officerA, `unitId=${a.residentialCell.id}`);
    expect(page.items.map((m) => m.fullName)).toEqual([
      'Lê Văn Anh',
      'Phạm Thị Ánh',
      'Hoàng Văn Ân',
      'Trần Thị Bình',
      'Bùi Thị Dung',
      'Đỗ Minh Đông',
    ]);
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const all = await list(admin, 'limit=200');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(admin, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((m) => m.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by unit subtree, residence commune, category and working members', async () => {
    expect((await list(admin, `unitId=${a.workplace.id}`)).items.map((m) => m.id)).toEqual([an.id]);
    expect((await list(admin, `residenceCommuneId=${b.commune.id}`)).items.map((m) => m.id)).toEqual([otherCommuneMember.id]);
    const working = await list(admin, 'workingOnly=true');
    expect(working.items.every((m) => m.isWorking)).toBe(true);
    expect((await list(admin, 'category=exempt')).items).toEqual([]);
  });

  it('marks members living away from their registered address', async () => {
    const [item] = (await list(admin, `q=40001234`)).items;
    expect(item!.livesAway).toBe(true);
  });

  it('ignores a tampered cursor rather than failing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/members?cursor=not-base64!!', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
  });
});

describe('access', () => {
  it('an officer of one commune gets 404 for a member of another', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/members/${otherCommuneMember.id}`, headers: { cookie: officerA.cookie } });
    expect(res.statusCode).toBe(404);
    expect((await list(officerA, 'q=nguyen van an')).items.map((m) => m.id)).not.toContain(otherCommuneMember.id);
  });

  it('a commune officer sees working members living in the commune (Art. 4.1)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/members/${an.id}`, headers: { cookie: officerA.cookie } });
    expect(res.statusCode).toBe(200);
    expect(memberDetailSchema.parse(res.json()).canEdit).toBe(false);
  });

  it('a member sees only themself', async () => {
    const page = await list(memberSession, '');
    expect(page.items.map((m) => m.id)).toEqual([an.id]);
    const other = await t.app.inject({ method: 'GET', url: `/api/members/${otherCommuneMember.id}`, headers: { cookie: memberSession.cookie } });
    expect(other.statusCode).toBe(404);
    const self = await t.app.inject({ method: 'GET', url: `/api/members/${an.id}`, headers: { cookie: memberSession.cookie } });
    expect(self.statusCode).toBe(200);
  });

  it('a cell secretary sees the cell’s members and working members living in its area, read-only', async () => {
    const page = await list(secretary, 'limit=200');
    expect(page.items.map((m) => m.id)).toContain(an.id);
    expect(page.items.map((m) => m.id)).not.toContain(otherCommuneMember.id);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/members/${an.id}`, headers: secretary.headers, payload: { jobTitle: 'x' } });
    expect(res.statusCode).toBe(403);
  });

  it('a malformed id is a validation error, not a crash', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/members/123', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(422);
  });
});

describe('create and update', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    fullName: '  Vũ   Thị Hạnh ',
    sex: 'female',
    dateOfBirth: '1990-04-12',
    cardNumber: '42000001',
    dateAdmitted: '2015-05-19',
    dateOfficial: '2016-05-19',
    cellId: a.workplaceCell.id,
    residenceAreaId: a.area.id,
    ...overrides,
  });

  it('creates a member with a dated membership and an audit entry', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/members', headers: workplaceOfficer.headers, payload: body() });
    expect(res.statusCode).toBe(201);
    const m = memberDetailSchema.parse(res.json());
    expect(m.fullName).toBe('Vũ Thị Hạnh');
    expect(m.residenceCommuneId).toBe(a.commune.id); // derived from the area
    expect(m.memberships).toEqual([expect.objectContaining({ unitId: a.workplaceCell.id, kind: 'party_cell', validFrom: '2016-05-19', validTo: null })]);
    const audit = await queryRows<{ action: string }>(database.db, sql`select action from audit_log where entity_id = ${m.id}`);
    expect(audit.map((r) => r.action)).toEqual(['member.created']);
  });

  it('refuses a duplicate card number with 409', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/members', headers: workplaceOfficer.headers, payload: body({ cardNumber: '40001234' }) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('card_number_taken');
  });

  it('validates fields and rules with messages per field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: { ...workplaceOfficer.headers, 'accept-language': 'en' },
      payload: body({ cardNumber: '12', dateOfBirth: '1990-02-30', sex: 'x' }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toMatchObject({
      cardNumber: 'A Party card number has 6–12 digits.',
      dateOfBirth: 'Invalid date.',
      sex: 'Invalid choice.',
    });
    const rules = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: workplaceOfficer.headers,
      payload: body({ cardNumber: '42000009', dateOfficial: '2014-01-01', category: 'exempt' }),
    });
    expect(rules.statusCode).toBe(422);
    expect(Object.keys(rules.json().error.fields).sort()).toEqual(['categoryReason', 'dateOfficial', 'exemptFrom']);
  });

  it('refuses a cell outside the officer’s committee', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: workplaceOfficer.headers,
      payload: body({ cardNumber: '42000002', cellId: b.workplaceCell.id }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.cellId).toBeTruthy();
  });

  it('moves a member to another cell keeping the membership history', async () => {
    const newCell = await newUnit(database.db, { parent: a.workplace, type: 'workplace_cell', name: 'Chi bộ Phòng Kỹ thuật' });
    const detail = memberDetailSchema.parse(
      (await t.app.inject({ method: 'GET', url: `/api/members/${an.id}`, headers: { cookie: workplaceOfficer.cookie } })).json(),
    );
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/${an.id}`,
      headers: workplaceOfficer.headers,
      payload: { cellId: newCell.id, jobTitle: 'Kỹ sư', expectedUpdatedAt: detail.updatedAt },
    });
    expect(res.statusCode).toBe(200);
    const after = memberDetailSchema.parse(res.json());
    expect(after.cellId).toBe(newCell.id);
    const partyCells = after.memberships.filter((m) => m.kind === 'party_cell');
    expect(partyCells).toHaveLength(2);
    expect(partyCells.find((m) => m.unitId === a.workplaceCell.id)?.validTo).toBe('2026-11-23');
    expect(partyCells.find((m) => m.unitId === newCell.id)?.validTo).toBeNull();
    // A second editor with the stale version is told, not silently overwritten.
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/${an.id}`,
      headers: workplaceOfficer.headers,
      payload: { jobTitle: 'Trưởng phòng', expectedUpdatedAt: detail.updatedAt },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_update');
  });

  it('shows the member’s audit trail to whoever may read the member, and not to others', async () => {
    const mine = await t.app.inject({ method: 'GET', url: `/api/audit?entityType=member&entityId=${an.id}`, headers: { cookie: workplaceOfficer.cookie } });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items[0]).toMatchObject({ action: 'member.updated', after: { jobTitle: 'Kỹ sư' } });
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/audit?entityType=member&entityId=${otherCommuneMember.id}`,
      headers: { cookie: workplaceOfficer.cookie },
    });
    expect(theirs.statusCode).toBe(404);
  });
});
