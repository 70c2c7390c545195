/**
 * npm run bench — times the queries behind member search, card lookup, subtree counts and paging.
 * Uses DATABASE_URL when set, else a PGlite directory under tmp/bench (kept between runs).
 * Seeds BENCH_MEMBERS (default 20,000) generated members when the database holds fewer.
 * Always exits 0: the table is for reading, the lead may later time service functions instead.
 */
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Db } from '../src/server/db/client';
import { seedScale } from '../src/server/db/seed/scale';
import { loadEnv } from '../src/server/env';
import type { Actor } from '../src/server/http/actor';
import { listMembers } from '../src/server/modules/members/members.service';
import { systemClock } from '../src/server/context';

const RUNS = 5;
const TARGET_MS = 200;

type Row = Record<string, unknown>;
async function query<T extends Row>(db: Db, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

async function median(fn: () => Promise<unknown>): Promise<{ ms: number; rows: number }> {
  await fn(); // warm the cache and the plan
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await fn();
    times.push(performance.now() - t);
    rows = Array.isArray(r) ? r.length : rows;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, rows };
}

const env = loadEnv();
const wanted = Number(process.env.BENCH_MEMBERS ?? 20_000);
const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: path.resolve('tmp/bench'),
});
try {
  await database.migrate();
  const db = database.db;
  const [{ n: existing } = { n: 0 }] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from members`,
  );
  console.log(`Database: ${database.kind}; members before: ${existing.toLocaleString('en')}`);
  if (existing < wanted) {
    const started = performance.now();
    await seedScale(db, wanted - existing, {
      onProgress: (msg) =>
        console.log(`  seed [${((performance.now() - started) / 1000).toFixed(1)} s] ${msg}`),
    });
    console.log(
      `  seeded ${(wanted - existing).toLocaleString('en')} members in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const [{ n: total } = { n: 0 }] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from members`,
  );

  // The largest province and, in it, the commune where most working members live.
  const [province] = await query<{ id: string; path: string; name: string }>(
    db,
    sql`select p.id, p.path::text as path, p.name from org_units p
        where p.type = 'province_committee' and p.status = 'active'
        order by (select count(*) from org_units u where u.path <@ p.path) desc limit 1`,
  );
  const [commune] = await query<{ id: string; path: string; name: string }>(
    db,
    sql`select c.id, c.path::text as path, c.name from org_units c
        where c.type = 'commune_committee' and c.path <@ ${province!.path}::ltree
        order by (select count(*) from members m where m.residence_commune_id = c.id) desc limit 1`,
  );
  const [workplace] = await query<{ path: string; name: string }>(
    db,
    sql`select w.path::text as path, w.name from org_units w
        where w.type = 'workplace_committee' and w.path <@ ${province!.path}::ltree limit 1`,
  );

  // A prefix near the highest card number: the worst case for a scan that filters from the low end.
  const [top] = await query<{ card: string | null }>(
    db,
    sql`select max(card_number) as card from members where card_number like '9%'`,
  );
  const nearTop = Math.max(12_000, Number(top?.card?.slice(1) ?? 0) - 5_000);
  const cardPrefix = `9${String(nearTop).padStart(9, '0')}`.slice(0, 7);

  const nameSearch = sql`select id, full_name from members
    where search_name like '% nguyen%' and search_name like '% an%'
    order by sort_key collate "C", id limit 50`;
  const [page1Last] = (
    await query<{ sort_key: string; id: string }>(
      db,
      sql`select sort_key, id from members order by sort_key collate "C", id limit 50`,
    )
  ).slice(-1);

  const cases: { name: string; q: SQL }[] = [
    { name: 'name search "nguyen an" (trigram, top 50 by name)', q: nameSearch },
    {
      name: 'name search "hoang thi oanh" (rare: trigram index)',
      q: sql`select id, full_name from members
             where search_name like '% hoang%' and search_name like '% thi%' and search_name like '% oanh%'
             order by sort_key collate "C", id limit 50`,
    },
    {
      name: `card-number prefix ${cardPrefix}% ORDER BY card_number`,
      q: sql`select id, card_number from members where card_number like ${`${cardPrefix}%`}::text
             order by card_number limit 50`,
    },
    {
      // text_pattern_ops orders like "C": with a non-C database collation only this form uses the prefix index
      name: `card-number prefix ${cardPrefix}% ORDER BY card_number USING ~<~`,
      q: sql`select id, card_number from members where card_number like ${`${cardPrefix}%`}::text
             order by card_number using ~<~ limit 50`,
    },
    {
      name: `subtree count: members in ${province!.name}`,
      q: sql`select count(*) from members m join org_units u on u.id = m.cell_id where u.path <@ ${province!.path}::ltree`,
    },
    {
      name: `subtree count: members in ${workplace?.name ?? '(no workplace)'}`,
      q: sql`select count(*) from members m join org_units u on u.id = m.cell_id where u.path <@ ${workplace?.path ?? province!.path}::ltree`,
    },
    {
      name: `residents of ${commune?.name ?? '(no commune)'} (count)`,
      q: sql`select count(*) from members where residence_commune_id = ${commune?.id ?? province!.id}::uuid`,
    },
    {
      name: 'keyset page 2 of all members by name',
      q: sql`select id, full_name from members
             where (sort_key collate "C", id) > (${page1Last!.sort_key}::text collate "C", ${page1Last!.id}::uuid)
             order by sort_key collate "C", id limit 50`,
    },
  ];

  // The real service path: access scope + filters + keyset, as a commune officer and as an admin.
  const actorFor = (role: 'admin' | 'committee_officer', unit: { id: string; path: string }): Actor => ({
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'bench',
    displayName: 'bench',
    email: null,
    phone: null,
    memberId: null,
    locale: 'vi',
    grants: [{ id: 'g', role, unitId: unit.id, unitPath: unit.path, unitName: null, unitType: null, position: null, residentialAreaId: null }],
    sessionId: 's',
    csrfToken: 'c',
    requestId: 'r',
    ip: '127.0.0.1',
  });
  const deps = { db, clock: systemClock };
  const officer = actorFor('committee_officer', commune ?? province!);
  const admin = actorFor('admin', province!);
  const serviceCases: { name: string; run: () => Promise<unknown[]> }[] = [
    { name: 'service: commune officer, first page (scope only)', run: async () => (await listMembers(deps, officer, { limit: 50 })).items },
    { name: 'service: commune officer, search "nguyen an"', run: async () => (await listMembers(deps, officer, { q: 'nguyen an', limit: 50 })).items },
    { name: 'service: admin, search "nguyen van an"', run: async () => (await listMembers(deps, admin, { q: 'nguyen van an', limit: 50 })).items },
    { name: 'service: admin, typo "nguyen vna an" (fuzzy fallback)', run: async () => (await listMembers(deps, admin, { q: 'nguyen vna an', limit: 50 })).items },
    { name: 'service: admin, card prefix', run: async () => (await listMembers(deps, admin, { q: cardPrefix, limit: 50 })).items },
  ];

  console.log(
    `\nMedian of ${RUNS} runs over ${total.toLocaleString('en')} members (target < ${TARGET_MS} ms)\n`,
  );
  const table: { query: string; rows: number; 'median ms': string; result: string }[] = [];
  for (const c of cases) {
    const { ms, rows } = await median(() => query(db, c.q));
    table.push({ query: c.name, rows, 'median ms': ms.toFixed(1), result: ms < TARGET_MS ? 'PASS' : 'FAIL' });
  }
  for (const c of serviceCases) {
    const { ms, rows } = await median(c.run);
    table.push({ query: c.name, rows, 'median ms': ms.toFixed(1), result: ms < TARGET_MS ? 'PASS' : 'FAIL' });
  }
  console.table(table);

  console.log('\nEXPLAIN ANALYZE of the name search:');
  const plan = await query<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, costs off) ${nameSearch}`);
  for (const line of plan) console.log(`  ${line['QUERY PLAN']}`);
  for (const c of cases.filter((x) => x.name.startsWith('card-number'))) {
    console.log(`\nEXPLAIN ANALYZE of the ${c.name}:`);
    const p = await query<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, costs off) ${c.q}`);
    for (const line of p) console.log(`  ${line['QUERY PLAN']}`);
  }
} finally {
  await database.close();
}
