/**
 * Times the introductions batch steps at peak size (BENCH_LETTERS, default 5,000 letters): create for a
 * whole workplace, issue, place, acknowledge, then the workplace summary, the queue and the coverage.
 * Uses DATABASE_URL when set (a throwaway schema is not created: run it on a scratch database), else a
 * fresh PGlite under tmp/bench-introductions. Always exits 0: the table is for reading.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/server/context';
import { openDatabase, queryRows } from '../src/server/db/client';
import { loadEnv } from '../src/server/env';
import type { Actor, Grant } from '../src/server/http/actor';
import * as letters from '../src/server/modules/introductions/letters.service';
import * as queues from '../src/server/modules/introductions/queues.service';
import { memberHooks } from '../src/server/hooks';

const TARGET_MS = 5_000;
const size = Number(process.env.BENCH_LETTERS ?? 5_000);
const env = loadEnv();
const dir = path.resolve('tmp/bench-introductions');
if (!env.DATABASE_URL) rmSync(dir, { recursive: true, force: true });
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dir });

function actor(grants: Omit<Grant, 'id' | 'unitName' | 'unitType' | 'residentialAreaId'>[]): Actor {
  return {
    userId: randomUUID(),
    username: 'bench',
    displayName: 'Bench Secretary',
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

try {
  await database.migrate();
  const db = database.db;
  const tag = randomUUID().slice(0, 8);
  const ids = { province: randomUUID(), commune: randomUUID(), rcell: randomUUID(), workplace: randomUUID(), wcell: randomUUID() };
  const p = (...xs: string[]) => xs.map((x) => x.replace(/-/g, '')).join('.');
  await db.execute(sql`insert into org_units (id, parent_id, path, depth, code, name, type) values
    (${ids.province}, null, ${p(ids.province)}::ltree, 0, ${`B-${tag}-P`}, 'Tỉnh bench', 'province_committee'),
    (${ids.commune}, ${ids.province}, ${p(ids.province, ids.commune)}::ltree, 1, ${`B-${tag}-C`}, 'Phường bench', 'commune_committee'),
    (${ids.rcell}, ${ids.commune}, ${p(ids.province, ids.commune, ids.rcell)}::ltree, 2, ${`B-${tag}-RC`}, 'Chi bộ khối bench', 'residential_cell'),
    (${ids.workplace}, ${ids.province}, ${p(ids.province, ids.workplace)}::ltree, 1, ${`B-${tag}-W`}, 'Đảng ủy bench', 'workplace_committee'),
    (${ids.wcell}, ${ids.workplace}, ${p(ids.province, ids.workplace, ids.wcell)}::ltree, 2, ${`B-${tag}-WC`}, 'Chi bộ phòng bench', 'workplace_cell')`);
  const base = 900_000_000 + Math.floor(Math.random() * 90_000_000);
  await db.execute(sql`insert into members (full_name, sex, date_of_birth, card_number, cell_id, residence_commune_id, residence_street)
    select 'Nguyễn Văn Bench ' || g, 'male', '1980-01-01', (${base} + g)::text, ${ids.wcell}, ${ids.commune}, 'Số ' || g
    from generate_series(1, ${size}) g`);

  const deps = { db, clock: systemClock, config: { publicUrl: 'http://localhost:3000', documentSecret: 'bench-secret-bench-secret-bench-secret', overdueDays: 15 }, memberHooks: memberHooks() };
  const secretary = actor([{ role: 'committee_officer', unitId: ids.workplace, unitPath: p(ids.province, ids.workplace), position: 'secretary' }]);
  const communeOfficer = actor([{ role: 'committee_officer', unitId: ids.commune, unitPath: p(ids.province, ids.commune), position: 'staff' }]);
  const cellSecretary = actor([{ role: 'cell_secretary', unitId: ids.rcell, unitPath: p(ids.province, ids.commune, ids.rcell), position: null }]);

  // Letters record who created and issued them: the bench actors need user rows.
  for (const a of [secretary, communeOfficer, cellSecretary])
    await db.execute(sql`insert into users (id, username, display_name, password_hash) values (${a.userId}, ${`bench-${a.userId}`}, 'Bench', 'x')`);

  const table: { step: string; rows: number; ms: string; result: string }[] = [];
  async function time<T>(step: string, fn: () => Promise<T>, rows: (r: T) => number) {
    const t = performance.now();
    const r = await fn();
    const ms = performance.now() - t;
    table.push({ step, rows: rows(r), ms: ms.toFixed(0), result: ms < TARGET_MS ? 'PASS' : 'FAIL' });
    return r;
  }

  const created = await time('create letters for the whole workplace', () => letters.createLetters(deps, secretary, { unitId: ids.workplace, issue: false }), (r) => r.created);
  await time('issue all (numbers + signed codes)', () => letters.issueLetters(deps, secretary, created.letterIds), (r) => r.changed);
  await time('place all in one cell (receive + place)', () => letters.placeLetters(deps, communeOfficer, { placements: created.letterIds.map((letterId) => ({ letterId, cellId: ids.rcell })) }), (r) => r.changed);
  await time('acknowledge all', () => letters.acknowledgeLetters(deps, cellSecretary, created.letterIds), (r) => r.changed);
  await time('workplace summary', () => queues.workplaceSummary(deps, secretary, ids.workplace), (r) => r.totals.placed);
  await time('queue page (placed, first 50)', () => queues.workplaceMembers(deps, secretary, { unitId: ids.workplace, stage: 'placed', limit: 50 }), (r) => r.items.length);
  await time('coverage, residence side', () => queues.coverage(deps, communeOfficer, ids.commune, 'residence'), (r) => r.total.placed);
  const [check] = await queryRows<{ n: number; max: number }>(db, sql`select count(distinct number)::int as n, max(number)::int as max from introduction_letters where issuing_unit_id = ${ids.workplace}`);
  console.log(`\n${size.toLocaleString('en')} letters on ${database.kind}; numbers distinct: ${check!.n}, highest: ${check!.max} (target per step < ${TARGET_MS} ms)\n`);
  console.table(table);
} finally {
  await database.close();
}
