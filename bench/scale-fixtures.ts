import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/server/db/client';
import type { Actor, Grant } from '../src/server/http/actor';

/** Pieces of the scale report: actors without sessions, their user rows (audit and notifications need them), percentiles, a big committee. */

export function benchActor(grants: Omit<Grant, 'id' | 'unitName' | 'unitType' | 'residentialAreaId'>[]): Actor {
  return {
    userId: randomUUID(),
    username: 'bench',
    displayName: 'Bench Officer',
    email: null,
    phone: null,
    memberId: null,
    locale: 'vi',
    grants: grants.map((g) => ({ ...g, id: randomUUID(), unitName: null, unitType: null, residentialAreaId: null })),
    sessionId: 's',
    csrfToken: 'c',
    requestId: 'r',
    ip: '127.0.0.1',
  };
}

export async function ensureUsers(db: Db, actors: Actor[]): Promise<void> {
  for (const a of actors)
    await db.execute(sql`insert into users (id, username, display_name, password_hash) values (${a.userId}, ${`bench-${a.userId}`}, 'Bench', 'x') on conflict do nothing`);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/**
 * A workplace committee of `n` working members (10 cells) under the province, living in the province's
 * residential cells; `reset(year)` removes its cycle and requests of the year, so a cycle can be opened again.
 */
export async function createBigCommittee(db: Db, provincePath: string, provinceId: string, n: number) {
  const tag = randomUUID().slice(0, 8);
  const id = randomUUID();
  const path = `${provincePath}.${id.replace(/-/g, '')}`;
  await db.execute(sql`insert into org_units (id, parent_id, path, depth, code, name, type, sector)
    values (${id}, ${provinceId}, ${path}::ltree, nlevel(${path}::ltree) - 1, ${`BENCH-${tag}`}, ${`Đảng bộ Tổng công ty thử tải ${tag}`}, 'workplace_committee', 'enterprise')`);
  await db.execute(sql`with n as (select gen_random_uuid() as id, g from generate_series(1, 10) g)
    insert into org_units (id, parent_id, path, depth, code, name, type, sector)
    select n.id, ${id}, (${path} || '.' || replace(n.id::text, '-', ''))::ltree, nlevel(${path}::ltree), ${`BENCH-${tag}-`} || n.g, 'Chi bộ phòng ' || n.g, 'workplace_cell', 'enterprise' from n`);
  const base = 600_000_000 + Math.floor(Math.random() * 90_000_000);
  await db.execute(sql`with cells as (select id, row_number() over (order by id) as k from org_units where parent_id = ${id}),
      homes as (select c.id as cell_id, c.parent_id as commune_id, c.residential_area_id as area_id, row_number() over (order by c.id) as k
                from org_units c where c.type = 'residential_cell' and c.path <@ ${provincePath}::ltree limit 2000),
      hc as (select count(*) as n from homes)
    insert into members (full_name, sex, date_of_birth, card_number, cell_id, residence_commune_id, residence_area_id, residence_cell_id)
    select 'Nguyễn Văn Tải ' || g, 'male', '1980-01-01', (${base} + g)::text, c.id, h.commune_id, h.area_id, h.cell_id
    from generate_series(1, ${n}) g cross join hc
    join cells c on c.k = 1 + g % 10
    join homes h on h.k = 1 + g % hc.n`);
  const [made] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from members m join org_units c on c.id = m.cell_id where c.parent_id = ${id}`);
  if (made!.n !== n) throw new Error(`big committee: ${made!.n} members made`);
  return {
    id,
    path,
    reset: async (year: number) => {
      await db.execute(sql`delete from self_reports where member_id in (select m.id from members m join org_units c on c.id = m.cell_id where c.parent_id = ${id})`);
      await db.execute(sql`delete from evaluation_versions where evaluation_id in (select e.id from evaluations e where e.workplace_unit_id = ${id} and e.year = ${year})`);
      await db.execute(sql`delete from evaluations where workplace_unit_id = ${id} and year = ${year}`);
      await db.execute(sql`delete from evaluation_cycles where workplace_unit_id = ${id} and year = ${year}`);
    },
  };
}
