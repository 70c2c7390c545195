/**
 * Times the yearly evaluation at peak (BENCH_MEMBERS, default 5,000 working members in 25 residential
 * cells): open the cycle for the whole workplace, confirm 200 signed forms at once, confirm the rest,
 * release all, then the backlog both sides, the "no comment" list, the review page and a side list.
 * Uses DATABASE_URL when set (run it on a scratch database), else a fresh PGlite under tmp/bench-evaluations.
 * Always exits 0: the table is for reading.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/server/context';
import { openDatabase, queryRows } from '../src/server/db/client';
import { loadEnv } from '../src/server/env';
import type { Actor, Grant } from '../src/server/http/actor';
import * as read from '../src/server/modules/evaluations/evaluations.service';
import * as requests from '../src/server/modules/evaluations/requests.service';
import * as tracking from '../src/server/modules/evaluations/tracking.service';
import * as flow from '../src/server/modules/evaluations/workflow.service';

const TARGET_MS = 5_000;
const size = Number(process.env.BENCH_MEMBERS ?? 5_000);
const CELLS = 25;
const env = loadEnv();
const dir = path.resolve('tmp/bench-evaluations');
if (!env.DATABASE_URL) rmSync(dir, { recursive: true, force: true });
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dir });

function actor(grants: Omit<Grant, 'id' | 'unitName' | 'unitType' | 'residentialAreaId'>[]): Actor {
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

try {
  await database.migrate();
  const db = database.db;
  const tag = randomUUID().slice(0, 8);
  const ids = { province: randomUUID(), commune: randomUUID(), workplace: randomUUID(), wcell: randomUUID() };
  const p = (...xs: string[]) => xs.map((x) => x.replace(/-/g, '')).join('.');
  await db.execute(sql`insert into org_units (id, parent_id, path, depth, code, name, type) values
    (${ids.province}, null, ${p(ids.province)}::ltree, 0, ${`E-${tag}-P`}, 'Tỉnh bench', 'province_committee'),
    (${ids.commune}, ${ids.province}, ${p(ids.province, ids.commune)}::ltree, 1, ${`E-${tag}-C`}, 'Phường bench', 'commune_committee'),
    (${ids.workplace}, ${ids.province}, ${p(ids.province, ids.workplace)}::ltree, 1, ${`E-${tag}-W`}, 'Đảng ủy bench', 'workplace_committee'),
    (${ids.wcell}, ${ids.workplace}, ${p(ids.province, ids.workplace, ids.wcell)}::ltree, 2, ${`E-${tag}-WC`}, 'Chi bộ phòng bench', 'workplace_cell')`);
  const cells = await queryRows<{ id: string }>(
    db,
    sql`insert into org_units (parent_id, path, depth, code, name, type)
        select ${ids.commune}, (${p(ids.province, ids.commune)} || '.c' || g)::ltree, 2, ${`E-${tag}-RC`} || g, 'Chi bộ khối ' || g, 'residential_cell'
        from generate_series(1, ${CELLS}) g returning id`,
  );
  // ltree labels must be the ids (the app's convention): rewrite the paths of the cells just made
  await db.execute(sql`update org_units set path = (${p(ids.province, ids.commune)} || '.' || replace(id::text, '-', ''))::ltree where code like ${`E-${tag}-RC%`}`);
  const base = 800_000_000 + Math.floor(Math.random() * 90_000_000);
  await db.execute(sql`insert into members (full_name, sex, date_of_birth, card_number, cell_id, residence_commune_id, residence_cell_id)
    select 'Nguyễn Văn Bench ' || g, 'male', '1980-01-01', (${base} + g)::text, ${ids.wcell}, ${ids.commune},
      (${`{${cells.map((c) => c.id).join(',')}}`}::uuid[])[1 + g % ${CELLS}]
    from generate_series(1, ${size}) g`);

  const deps = { db, clock: systemClock, publicUrl: 'http://localhost:3000', documentSecret: 'bench-secret-bench-secret-bench-secret' };
  const workplace = actor([{ role: 'committee_officer', unitId: ids.workplace, unitPath: p(ids.province, ids.workplace), position: 'secretary' }]);
  const commune = actor([{ role: 'committee_officer', unitId: ids.commune, unitPath: p(ids.province, ids.commune), position: 'staff' }]);
  for (const a of [workplace, commune]) await db.execute(sql`insert into users (id, username, display_name, password_hash) values (${a.userId}, ${`bench-${a.userId}`}, 'Bench', 'x')`);

  const table: { step: string; rows: number; ms: string; result: string }[] = [];
  async function time<T>(step: string, fn: () => Promise<T>, rows: (r: T) => number) {
    const t = performance.now();
    const r = await fn();
    const ms = performance.now() - t;
    table.push({ step, rows: rows(r), ms: ms.toFixed(0), result: ms < TARGET_MS ? 'PASS' : 'FAIL' });
    return r;
  }
  const year = requests.vnYear(new Date());
  await time(`open the ${year} cycle for the whole workplace`, () => requests.openCycle(deps, workplace, { unitId: ids.workplace, year }), (r) => r.created);
  // the cells' work (draft, co-sign, sign) is per form by nature; here it is set in one statement
  await db.execute(sql`update evaluation_versions v set ratings = '{"example":"yes","civic":"yes","attendance":"full","contact":"regular","campaigns":"active","proposal":"none"}'::jsonb,
      joint_meeting_on = current_date, signed_at = now(), signer_name = 'Bench'
    from evaluations e where e.id = v.evaluation_id and e.workplace_unit_id = ${ids.workplace}`);
  await db.execute(sql`update evaluations set status = 'signed', signed_at = now(), proposal = 'none' where workplace_unit_id = ${ids.workplace}`);
  const all = (await queryRows<{ id: string }>(db, sql`select id from evaluations where workplace_unit_id = ${ids.workplace} order by id`)).map((r) => r.id);
  await time('confirm 200 forms at once (delivered, codes signed)', () => flow.confirmForms(deps, commune, all.slice(0, 200)), (r) => r.changed);
  await time(`confirm the other ${all.length - 200}`, () => flow.confirmForms(deps, commune, all.slice(200)), (r) => r.changed);
  await time('release all to the members', () => flow.releaseForms(deps, workplace, all), (r) => r.changed);
  await time('backlog, workplace side', () => tracking.backlog(deps, workplace, { side: 'workplace', unitId: ids.workplace, year }), (r) => r.total.released);
  await time(`backlog, residence side (${CELLS} cells)`, () => tracking.backlog(deps, commune, { side: 'residence', unitId: ids.commune, year }), (r) => r.children.length);
  await time('no-comment list, first page', () => tracking.noComment(deps, workplace, { side: 'workplace', unitId: ids.workplace, year, limit: 50 }), (r) => r.items.length);
  await time('review page (50)', () => tracking.review(deps, workplace, { unitId: ids.workplace, year, limit: 50 }), (r) => r.items.length);
  await time('commune list page (50, search "bench 12")', () => read.listEvaluations(deps, commune, { side: 'commune', year, q: 'bench 12', limit: 50 }), (r) => r.items.length);
  console.log(`\n${size.toLocaleString('en')} working members on ${database.kind} (target per step < ${TARGET_MS} ms)\n`);
  console.table(table);
} finally {
  await database.close();
}
