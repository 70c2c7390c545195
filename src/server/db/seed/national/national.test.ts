import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../../tests/fixtures/test-db';
import { letterStatuses } from '../../../../shared/rules/introduction-letter';
import { queryRows, type Database } from '../../client';
import { RULE_SET } from './evaluation-forms';
import { parkIndexes, restoreIndexes } from './indexes';
import { seedNational, type NationalResult } from './national';
import { planCountry } from './provinces';

const NOW = new Date('2026-10-15T03:00:00Z');
const SIZE = { provinces: 1, fraction: 0.01 };
let database: Database;
let first: NationalResult;

const rows = <T>(q: SQL) => queryRows<T>(database.db, q);
async function count(q: SQL): Promise<number> {
  const [r] = await rows<{ n: number | string }>(q);
  return Number(r!.n);
}
const working = sql`members m join org_units wc on wc.id = m.cell_id and wc.type = 'workplace_cell'`;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await seedNational(database.db, { ...SIZE, now: NOW });
});
afterAll(async () => {
  await database.close();
});

describe('seedNational (1 province at 1 %)', () => {
  it('builds the province tree with consistent paths, and the planned members', async () => {
    const [plan] = planCountry(SIZE);
    expect(first.provinces).toEqual([
      expect.objectContaining({ code: 'N01', name: 'Hà Nội', skipped: false }),
    ]);
    expect(
      await count(
        sql`select count(*) as n from org_units where code = 'N01' and type = 'province_committee'`,
      ),
    ).toBe(1);
    expect(
      await count(sql`select count(*) as n from org_units u left join org_units p on p.id = u.parent_id
        where u.depth <> nlevel(u.path) - 1 or subpath(u.path, -1)::text <> replace(u.id::text, '-', '')
          or (p.id is not null and u.path <> p.path || subpath(u.path, -1))`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from org_units where type = 'commune_committee' and name !~ '^Đảng bộ (phường|xã) '`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from org_units where type = 'residential_cell' and (residential_area_id is null or meeting_place is null)`,
      ),
    ).toBe(0);
    const cells = await rows<{ n: number }>(
      sql`select count(c.id)::int as n from org_units w left join org_units c on c.parent_id = w.id where w.type = 'workplace_committee' group by w.id`,
    );
    expect(cells.every((c) => c.n >= 2 && c.n <= 5)).toBe(true);
    expect(await count(sql`select count(*) as n from members`)).toBe(plan!.working + plan!.others);
    expect(await count(sql`select count(*) as n from ${working}`)).toBe(plan!.working);
    expect(await count(sql`select count(*) - count(distinct card_number) as n from members`)).toBe(0);
    // ~15 % of working members are registered in another commune than the one they live in
    const away =
      await count(sql`select avg((position(lower(immutable_unaccent(m.registered_commune)) in lower(immutable_unaccent(rc.name))) = 0)::int) as n
      from ${working} join org_units rc on rc.id = m.residence_commune_id`);
    expect(away).toBeGreaterThan(0.08);
    expect(away).toBeLessThan(0.25);
  });

  it('puts letters in every state, and only placed members in a residential cell', async () => {
    const statuses = new Set(
      (await rows<{ status: string }>(sql`select distinct status from introduction_letters`)).map(
        (r) => r.status,
      ),
    );
    expect([...statuses].sort()).toEqual(letterStatuses.filter((s) => s !== 'cancelled').sort());
    expect(
      await count(sql`select count(*) as n from members m left join introduction_letters l on l.id = m.current_letter_id
        where m.residence_cell_id is not null and (l.status is null or l.status not in ('placed', 'acknowledged') or l.residence_cell_id <> m.residence_cell_id)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from ${working} left join introduction_letters l on l.id = m.current_letter_id
        where (m.category = 'not_introduced') <> (l.id is null) or l.member_id <> m.id`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from (select 1 from introduction_letters where number is not null group by issuing_unit_id, year, number having count(*) > 1) d`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from introduction_letters where status = 'issued' and issued_at < ${NOW.toISOString()}::timestamptz - interval '15 days'`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        sql`select count(*) as n from introduction_letters where greatest(issued_at, received_at, placed_at, acknowledged_at, rejected_at, ended_at) > ${NOW.toISOString()}::timestamptz`,
      ),
    ).toBe(0);
  });

  it('records attendance only for members placed in the meeting’s cell, twice a year per cell', async () => {
    expect(
      await count(sql`select count(*) as n from meeting_attendances a join meetings mt on mt.id = a.meeting_id join members m on m.id = a.member_id
        where a.unit_id <> mt.cell_id or m.residence_cell_id is distinct from mt.cell_id`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from meeting_attendances a join meetings mt on mt.id = a.meeting_id where mt.status = 'scheduled' and a.status <> 'unrecorded'`,
      ),
    ).toBe(0);
    const perCell =
      await count(sql`select count(*)::float / (select count(*) from org_units where type = 'residential_cell') as n
      from meetings where kind = 'regular' and extract(year from starts_at at time zone 'Asia/Ho_Chi_Minh') = 2025`);
    expect(perCell).toBeGreaterThan(1.7);
    expect(perCell).toBeLessThanOrEqual(2);
    const present =
      await count(sql`select avg((a.status in ('present', 'late'))::int) as n from meeting_attendances a join meetings mt on mt.id = a.meeting_id
      where mt.status = 'held' and a.status <> 'excused_exempt'`);
    expect(present).toBeGreaterThan(0.7);
    expect(present).toBeLessThan(0.9);
  });

  it('evaluates each placed active working member once a year, with versions, past years released', async () => {
    expect(
      await count(
        sql`select count(*) as n from (select 1 from evaluations where kind = 'yearly' group by member_id, year having count(*) > 1) d`,
      ),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from evaluations e where e.version <> (select count(*) from evaluation_versions v where v.evaluation_id = e.id)
        or not exists (select 1 from evaluation_versions v where v.evaluation_id = e.id and v.version = e.version)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from evaluations e join members m on m.id = e.member_id
        where e.kind = 'yearly' and (m.category <> 'active' or m.residence_cell_id is distinct from e.cell_id)`),
    ).toBe(0);
    const past = await rows<{ released: number; total: number }>(
      sql`select count(*) filter (where status = 'released')::int as released, count(*)::int as total from evaluations where kind = 'yearly' and year < 2026`,
    );
    expect(past[0]!.released / past[0]!.total).toBeGreaterThan(0.95);
    const current = new Set(
      (await rows<{ status: string }>(sql`select distinct status from evaluations where year = 2026`)).map(
        (r) => r.status,
      ),
    );
    for (const s of ['requested', 'drafted', 'signed', 'delivered', 'released']) expect(current).toContain(s);
    // ratings use the rule set's criteria keys and levels
    const keys = RULE_SET.forms.full.criteria.map((c) => c.key).sort();
    const [sample] = await rows<{ ratings: Record<string, string> }>(
      sql`select v.ratings from evaluation_versions v join evaluations e on e.id = v.evaluation_id where e.form_kind = 'full' and v.ratings <> '{}' limit 1`,
    );
    expect(Object.keys(sample!.ratings).sort()).toEqual(keys);
    const placedActive = await count(
      sql`select count(*) as n from ${working} where m.residence_cell_id is not null and m.category = 'active'`,
    );
    const thisYear = await count(
      sql`select count(*) as n from evaluations where kind = 'yearly' and year = 2026`,
    );
    expect(thisYear).toBeGreaterThan(placedActive * 0.8);
    expect(thisYear).toBeLessThanOrEqual(placedActive);
  });

  it('parks the big tables’ secondary indexes for a load and rebuilds them exactly as they were', async () => {
    const indexes = () =>
      rows<{ name: string; def: string }>(
        sql`select indexname as name, indexdef as def from pg_indexes where schemaname = current_schema() and tablename <> 'national_seed_parked_indexes' order by 1`,
      );
    const before = await indexes();
    const parked = await parkIndexes(database.db);
    expect(parked).toEqual(
      expect.arrayContaining(['members_search_trgm', 'meeting_attendances_member_id_meeting_id_index']),
    );
    expect(parked).not.toContain('members_card_number_key');
    expect((await indexes()).length).toBe(before.length - parked.length);
    expect(await restoreIndexes(database.db)).toBe(parked.length);
    expect(await indexes()).toEqual(before);
    expect(await restoreIndexes(database.db)).toBe(0);
  });

  it('adds nothing when run again, and refuses to run in production', async () => {
    const again = await seedNational(database.db, { ...SIZE, now: NOW });
    expect(again.provinces[0]!.skipped).toBe(true);
    expect(again.rows).toEqual(first.rows);
    vi.stubEnv('NODE_ENV', 'production');
    try {
      await expect(seedNational(database.db, SIZE)).rejects.toThrow(/Refusing to seed/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
