import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { memberDetailSchema } from '../../../shared/contracts/members';
import type { Session, TestApp } from '../../../../tests/fixtures/app';
import { membersWorld, type MembersWorld } from './members.fixture';

/** Search and access: these tests only read the world (the changes are in members.changes.test.ts). */
let w: MembersWorld;
let t: TestApp;
let a: MembersWorld['a'];
let b: MembersWorld['b'];
let an: { id: string };
let otherCommuneMember: { id: string };
let admin: Session;
let officerA: Session;
let memberSession: Session;
let secretary: Session;
let list: MembersWorld['list'];

beforeAll(async () => {
  w = await membersWorld();
  ({ t, a, b, an, otherCommuneMember, admin, officerA, memberSession, secretary, list } = w);
});

afterAll(() => w.close());

describe('search', () => {
  it('ignores diacritics and case', async () => {
    const page = await list(officerA, 'q=nguyen van an');
    expect(page.items.map((m) => m.id)).toEqual([an.id]);
    expect((await list(officerA, `q=${encodeURIComponent('NGUYỄN an')}`)).items.map((m) => m.id)).toEqual([
      an.id,
    ]);
  });

  it('tolerates a typo when nothing matches exactly', async () => {
    expect((await list(officerA, 'q=nguyen van ann')).items.map((m) => m.id)).toContain(an.id);
    expect((await list(officerA, 'q=nguyen vn an')).items.map((m) => m.id)).toContain(an.id);
  });

  it('does not bury an exact match among near-misses', async () => {
    // Words match as prefixes (typing "an" also finds "Anh", "Ân"), but never a fuzzy "Văn Bình".
    expect((await list(officerA, 'q=van an')).items.map((m) => m.fullName)).toEqual([
      'Nguyễn Văn An',
      'Lê Văn Anh',
      'Hoàng Văn Ân',
    ]);
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
      const page: Awaited<ReturnType<typeof list>> = await list(
        admin,
        `limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((m) => m.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by unit subtree, residence commune, category and working members', async () => {
    expect((await list(admin, `unitId=${a.workplace.id}`)).items.map((m) => m.id)).toEqual([an.id]);
    expect((await list(admin, `residenceCommuneId=${b.commune.id}`)).items.map((m) => m.id)).toEqual([
      otherCommuneMember.id,
    ]);
    const working = await list(admin, 'workingOnly=true');
    expect(working.items.every((m) => m.isWorking)).toBe(true);
    expect((await list(admin, 'category=exempt')).items).toEqual([]);
  });

  it('marks members living away from their registered address', async () => {
    const [item] = (await list(admin, `q=40001234`)).items;
    expect(item!.livesAway).toBe(true);
  });

  it('ignores a tampered cursor rather than failing', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/members?cursor=not-base64!!',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('access', () => {
  it('an officer of one commune gets 404 for a member of another', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/members/${otherCommuneMember.id}`,
      headers: { cookie: officerA.cookie },
    });
    expect(res.statusCode).toBe(404);
    expect((await list(officerA, 'q=nguyen van an')).items.map((m) => m.id)).not.toContain(
      otherCommuneMember.id,
    );
  });

  it('a commune officer sees working members living in the commune (Art. 4.1)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/members/${an.id}`,
      headers: { cookie: officerA.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(memberDetailSchema.parse(res.json()).canEdit).toBe(false);
  });

  it('a member sees only themself', async () => {
    const page = await list(memberSession, '');
    expect(page.items.map((m) => m.id)).toEqual([an.id]);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/members/${otherCommuneMember.id}`,
      headers: { cookie: memberSession.cookie },
    });
    expect(other.statusCode).toBe(404);
    const self = await t.app.inject({
      method: 'GET',
      url: `/api/members/${an.id}`,
      headers: { cookie: memberSession.cookie },
    });
    expect(self.statusCode).toBe(200);
  });

  it('a cell secretary sees the cell’s members and working members living in its area, read-only', async () => {
    const page = await list(secretary, 'limit=200');
    expect(page.items.map((m) => m.id)).toContain(an.id);
    expect(page.items.map((m) => m.id)).not.toContain(otherCommuneMember.id);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/${an.id}`,
      headers: secretary.headers,
      payload: { jobTitle: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('a malformed id is a validation error, not a crash', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/members/123',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(422);
  });
});
