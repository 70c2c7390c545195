import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import type { Database } from '../client';
import { assertNotProduction, seedDemo } from './demo';
import { seedScale } from './scale';

let database: Database;

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;
}
async function count(q: ReturnType<typeof sql>): Promise<number> {
  const [r] = await rows<{ n: number }>(q);
  return Number(r!.n);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('seedDemo', () => {
  it('seeds the Nghệ An demo once', async () => {
    expect(await seedDemo(database.db, { now: new Date('2026-03-01T00:00:00Z'), documentSecret: 'demo-secret-demo-secret-demo-secret' })).toEqual({ seeded: true });
    expect(await seedDemo(database.db)).toEqual({ seeded: false });
  });

  it('has about 600 members, half of them working members of workplace cells', async () => {
    expect(await count(sql`select count(*) as n from members`)).toBe(600);
    const working = await count(
      sql`select count(*) as n from members m join org_units u on u.id = m.cell_id where u.type = 'workplace_cell'`,
    );
    expect(working).toBe(300);
    const placed = await count(sql`select count(*) as n from members where residence_cell_id is not null`);
    expect(placed).toBeGreaterThan(150);
    expect(placed).toBeLessThan(250);
    expect(await count(sql`select count(*) as n from members where full_name = 'Nguyễn Văn An'`)).toBe(1);
    expect(
      await count(sql`select count(*) as n from members where category = 'exempt'`),
    ).toBeGreaterThanOrEqual(5);
    expect(await count(sql`select count(*) as n from members where status <> 'active'`)).toBeGreaterThan(0);
    // every member has exactly one open party_cell membership unless they left
    expect(
      await count(sql`select count(*) as n from members m where m.status = 'active' and 1 <> (
        select count(*) from unit_memberships um where um.member_id = m.id and um.kind = 'party_cell' and um.valid_to is null)`),
    ).toBe(0);
  });

  it('puts letters in every state of the hand-off, numbered per committee per year', async () => {
    const byStatus = new Map(
      (await rows<{ status: string; n: number }>(sql`select status, count(*)::int as n from introduction_letters group by 1`)).map((r) => [r.status, r.n]),
    );
    for (const status of ['acknowledged', 'issued', 'received', 'rejected']) expect(byStatus.get(status) ?? 0).toBeGreaterThan(0);
    // working members placed in a cell all have an acknowledged letter; some are not introduced at all
    expect(
      await count(sql`select count(*) as n from members m join org_units c on c.id = m.cell_id left join introduction_letters l on l.id = m.current_letter_id
        where c.type = 'workplace_cell' and m.status = 'active' and m.residence_cell_id is not null and l.status is distinct from 'acknowledged'`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from members m join org_units c on c.id = m.cell_id
        where c.type = 'workplace_cell' and m.status = 'active' and m.current_letter_id is null and m.category = 'active'`),
    ).toBeGreaterThan(10);
    expect(
      await count(sql`select count(*) as n from (select issuing_unit_id, year, number from introduction_letters group by 1, 2, 3 having count(*) > 1) d`),
    ).toBe(0);
    // every issued letter carries its printed verification code
    expect(await count(sql`select count(*) as n from introduction_letters where verification_code is null`)).toBe(0);
  });

  it('creates the seven demo accounts with their roles', async () => {
    const users = await rows<{
      username: string;
      role: string;
      unit: string | null;
      member: string | null;
    }>(sql`
      select u.username, g.role, ou.name as unit, m.full_name as member
      from users u join role_grants g on g.user_id = u.id
      left join org_units ou on ou.id = g.unit_id left join members m on m.id = u.member_id
      order by u.username`);
    expect(users.map((u) => [u.username, u.role])).toEqual([
      ['admin', 'admin'],
      ['cell.secretary', 'cell_secretary'],
      ['commune.officer', 'committee_officer'],
      ['front.head', 'front_head'],
      ['member', 'member'],
      ['province.officer', 'committee_officer'],
      ['workplace.officer', 'committee_officer'],
    ]);
    const by = Object.fromEntries(users.map((u) => [u.username, u]));
    expect(by['admin']!.unit).toBe('Đảng bộ tỉnh Nghệ An');
    expect(by['province.officer']!.unit).toBe('Đảng bộ tỉnh Nghệ An');
    expect(by['cell.secretary']!.unit).toBe(by['front.head']!.unit);
    expect(by['member']!.member).toBe('Nguyễn Văn An');
    // the demo member works at workplace.officer's committee and is placed in cell.secretary's cell
    const [link] = await rows<{ ok: boolean }>(sql`
      select wc.parent_id = gw.unit_id and m.residence_cell_id = gs.unit_id
             and rc.parent_id = gc.unit_id and um.role = 'secretary' as ok
      from users um_user
      join members m on m.id = um_user.member_id
      join org_units wc on wc.id = m.cell_id
      join role_grants gw on gw.user_id = (select id from users where username = 'workplace.officer')
      join role_grants gs on gs.user_id = (select id from users where username = 'cell.secretary')
      join role_grants gc on gc.user_id = (select id from users where username = 'commune.officer')
      join org_units rc on rc.id = gs.unit_id
      join unit_memberships um on um.member_id = (select member_id from users where username = 'cell.secretary')
        and um.unit_id = gs.unit_id and um.valid_to is null
      where um_user.username = 'member'`);
    expect(link?.ok).toBe(true);
  });

  it('keeps every unit path and depth consistent with its parent', async () => {
    const bad = await count(sql`
      select count(*) as n from org_units u left join org_units p on p.id = u.parent_id
      where subpath(u.path, -1)::text <> replace(u.id::text, '-', '')
         or u.depth <> nlevel(u.path) - 1
         or (p.id is null and nlevel(u.path) <> 1)
         or (p.id is not null and u.path <> p.path || subpath(u.path, -1))`);
    expect(bad).toBe(0);
  });

  it('refuses to run in production', async () => {
    expect(() => assertNotProduction('production')).toThrow(/production/);
    vi.stubEnv('NODE_ENV', 'production');
    try {
      await expect(seedDemo(database.db)).rejects.toThrow(/Refusing to seed/);
      await expect(seedScale(database.db, 10)).rejects.toThrow(/Refusing to seed/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('demo history (the dashboards show a real picture on first start)', () => {
  it('has the past half-years’ meetings with per-person attendance, and nothing in the current half-year', async () => {
    for (const year of [2024, 2025])
      expect(await count(sql`select count(*) as n from meetings where status = 'held' and extract(year from starts_at) = ${year}`)).toBeGreaterThan(12);
    expect(await count(sql`select count(*) as n from meetings where starts_at >= '2026-01-01'`)).toBe(0);
    // attendance only for working members placed in the meeting's cell; the demo member always came
    expect(
      await count(sql`select count(*) as n from meeting_attendances a join members m on m.id = a.member_id where m.residence_cell_id is distinct from a.unit_id`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from meeting_attendances a join users u on u.member_id = a.member_id and u.username = 'member' where a.status <> 'present'`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from meeting_attendances where status = 'absent_unexcused'`)).toBeGreaterThan(0);
  });

  it('has the two past years’ comments released, with their form, classification and a few upheld disputes', async () => {
    for (const year of [2024, 2025]) {
      const released = await count(sql`select count(*) as n from evaluations where year = ${year} and status = 'released'`);
      expect(released).toBeGreaterThan(100);
      expect(await count(sql`select count(*) as n from evaluations e where year = ${year} and not exists (select 1 from evaluation_versions v where v.evaluation_id = e.id)`)).toBe(0);
      expect(await count(sql`select count(*) as n from workplace_classifications where year = ${year}`)).toBe(released);
    }
    expect(await count(sql`select count(*) as n from evaluation_disputes where outcome = 'upheld'`)).toBeGreaterThan(0);
  });
});

describe('seedScale', () => {
  it('appends n working members with unique card numbers and a consistent tree', async () => {
    const before = await count(sql`select count(*) as n from members`);
    const result = await seedScale(database.db, 2000);
    expect(await count(sql`select count(*) as n from members`)).toBe(before + 2000);
    expect(await count(sql`select count(*) - count(distinct card_number) as n from members`)).toBe(0);
    expect(
      await count(sql`select count(*) as n from members m join org_units u on u.id = m.cell_id
                      where u.type = 'workplace_cell' and u.path <@ (select path from org_units where id = ${result.provinceId}::uuid)`),
    ).toBe(2000);
    expect(
      await count(sql`select count(*) as n from org_units u join org_units p on p.id = u.parent_id
                      where u.path <> p.path || replace(u.id::text, '-', '')::ltree or u.depth <> p.depth + 1`),
    ).toBe(0);
    // a second run continues the card sequence instead of clashing
    await seedScale(database.db, 50);
    expect(await count(sql`select count(*) - count(distinct card_number) as n from members`)).toBe(0);
  });
});
