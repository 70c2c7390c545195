/**
 * The scale report (issue: the picture upward, proven at national size): on the data of
 * `npm run db:seed -- --national` (PostgreSQL), p50/p95 over BENCH_RUNS (default 20) runs of what people do
 * at the year-end peak: dashboards at every level, a cell's figures and list, the consolidated report of a
 * province, member search as a commune officer, a workplace's review, confirming 200 forms, opening a cycle
 * for a 5,000-member committee. Needs DATABASE_URL; skipped (exit 0) without it or without national data.
 *
 *   DATABASE_URL=postgres://…/rl_national npm run bench:scale
 */
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/server/context';
import { connectPostgres, queryRows, type Db } from '../src/server/db/client';
import { loadEnv } from '../src/server/env';
import type { Actor } from '../src/server/http/actor';
import { vnYear } from '../src/shared/rules/vietnam-calendar';
import { listMembers } from '../src/server/modules/members/members.service';
import * as requests from '../src/server/modules/evaluations/requests.service';
import * as tracking from '../src/server/modules/evaluations/tracking.service';
import * as flow from '../src/server/modules/evaluations/workflow.service';
import { getDashboard } from '../src/server/modules/reports/dashboard.service';
import { drillList } from '../src/server/modules/reports/drill.service';
import { rebuildFigures, refreshMarked } from '../src/server/modules/reports/figures/figures.service';
import { consolidatedFile } from '../src/server/modules/reports/yearly-report-documents.service';
import * as yearly from '../src/server/modules/reports/yearly-reports.service';
import { benchActor, createBigCommittee, ensureUsers, percentile } from './scale-fixtures';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const env = loadEnv();
if (!env.DATABASE_URL) {
  console.log('bench:scale needs DATABASE_URL (PostgreSQL with the national seed); skipped.');
  process.exit(0);
}
const database = connectPostgres(env.DATABASE_URL, 10);
const db: Db = database.db;

interface Row {
  step: string;
  target: string;
  runs: number;
  p50: string;
  p95: string;
  result: string;
}
const table: Row[] = [];

/** Runs `fn` RUNS times (after one warm-up), reports p50/p95 against the target. */
async function measure(step: string, targetMs: number | null, fn: (i: number) => Promise<unknown>, runs = RUNS) {
  await fn(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  table.push({
    step,
    target: targetMs ? `p95 < ${targetMs} ms` : '—',
    runs,
    p50: p50.toFixed(1),
    p95: p95.toFixed(1),
    result: targetMs === null ? '' : p95 < targetMs ? 'PASS' : 'FAIL',
  });
  console.log(`${step}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
}

try {
  const [size] = await queryRows<{ members: number; provinces: number }>(
    db,
    sql`select (select count(*)::int from members) as members, (select count(*)::int from org_units where parent_id is null) as provinces`,
  );
  if (!size || size.members < 100_000) {
    console.log(`bench:scale: ${size?.members ?? 0} members here; run npm run db:seed -- --national first. Skipped.`);
    process.exit(0);
  }
  const deps = { db, clock: systemClock, overdueDays: env.INTRODUCTION_OVERDUE_DAYS };
  const year = vnYear(new Date());
  const [stamp] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from report_state where key = 'figures'`);
  if (!stamp?.n) {
    const t = performance.now();
    await rebuildFigures(deps, (m) => console.log(m));
    console.log(`figures rebuilt in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  // what the server's figure job (every 15 s) would have done with the marks left by earlier writes (an
  // earlier bench run's batches): drained first, so the pages below measure reads, not a backlog
  const d0 = performance.now();
  let drained = 0;
  for (;;) {
    const r = await refreshMarked(deps, { withinPath: null, wait: true });
    drained += r.refreshed;
    if (!r.deferred && r.refreshed === 0) break;
  }
  if (drained) console.log(`${drained} marked units refreshed first in ${((performance.now() - d0) / 1000).toFixed(1)} s (the job's work)`);
  // the largest province, its largest commune and cell, a workplace committee of it
  const [pick] = await queryRows<{ province: string; pPath: string; commune: string; cPath: string; cell: string; workplace: string; wPath: string }>(
    db,
    sql`with p as (select u.id, u.path from org_units u join report_figures f on f.unit_id = u.id and f.scope = 'tree' and f.side = 'workplace' and f.year = 0
                   where u.parent_id is null order by f.working_members desc limit 1),
         c as (select u.id, u.path from org_units u, p join report_figures f on true where u.path <@ p.path and u.type = 'commune_committee'
                 and f.unit_id = u.id and f.scope = 'tree' and f.side = 'residence' and f.year = 0 order by f.working_members desc limit 1),
         cell as (select u.id from org_units u, c join report_figures f on true where u.parent_id = c.id and u.type = 'residential_cell'
                 and f.unit_id = u.id and f.scope = 'tree' and f.side = 'residence' and f.year = 0 order by f.working_members desc limit 1),
         w as (select u.id, u.path from org_units u, p join report_figures f on true where u.path <@ p.path and u.type = 'workplace_committee'
                 and f.unit_id = u.id and f.scope = 'tree' and f.side = 'workplace' and f.year = 0 order by f.working_members desc limit 1)
     select p.id as province, p.path::text as "pPath", c.id as commune, c.path::text as "cPath", cell.id as cell, w.id as workplace, w.path::text as "wPath"
     from p, c, cell, w`,
  );
  if (!pick) throw new Error('no province with figures');
  const admin: Actor = benchActor([{ role: 'admin', unitId: null, unitPath: null, position: null }]);
  const province = benchActor([{ role: 'committee_officer', unitId: pick.province, unitPath: pick.pPath, position: 'secretary' }]);
  const commune = benchActor([{ role: 'committee_officer', unitId: pick.commune, unitPath: pick.cPath, position: 'secretary' }]);
  const workplace = benchActor([{ role: 'committee_officer', unitId: pick.workplace, unitPath: pick.wPath, position: 'secretary' }]);
  await ensureUsers(db, [admin, province, commune, workplace]);
  console.log(`${size.members.toLocaleString('en')} members, ${size.provinces} provinces on PostgreSQL; ${RUNS} runs per step\n`);

  await measure('national dashboard (administrator)', 1000, () => getDashboard(deps, admin, { year }));
  await measure('province dashboard', 300, () => getDashboard(deps, province, { year }));
  await measure('commune dashboard', 100, () => getDashboard(deps, commune, { year }));
  await measure('cell drill-down (its figures and its working members)', 100, async () => {
    await getDashboard(deps, commune, { unitId: pick.cell, year });
    await drillList(deps, commune, { unitId: pick.cell, figure: 'workingMembers', side: 'residence', year, scope: 'tree', limit: 50 });
  });
  const names = ['nguyen van', 'tran thi h', 'le minh', 'pham', 'hoang thi', 'vu van a', 'dang quang', 'bui thi t'];
  await measure('member search as a commune officer', 100, (i) => listMembers(deps, commune, { q: names[(i + 8) % names.length], limit: 50 }));
  await measure("a workplace's review list (50)", 300, () => tracking.review(requestsDeps(), workplace, { unitId: pick.workplace, year: year - 1, limit: 50 }));

  // the province's consolidated report: every committee under it reports first (once)
  const reporters = await queryRows<{ id: string; path: string }>(
    db,
    sql`select u.id, u.path::text as path from org_units u where u.parent_id = ${pick.province} and u.type in ('commune_committee', 'bloc_committee')`,
  );
  const started = performance.now();
  for (const r of reporters) {
    const officer = benchActor([{ role: 'committee_officer', unitId: r.id, unitPath: r.path, position: 'secretary' }]);
    await ensureUsers(db, [officer]);
    const report = await yearly.startReport(deps, officer, { unitId: r.id, year });
    if (report.status === 'draft')
      await yearly.saveReport(deps, officer, report.id, { results: 'Báo cáo thử tải: các chi bộ sinh hoạt định kỳ.', problems: null, proposals: null, commendations: null, signerName: 'Nguyễn Văn Thử', signerPosition: 'secretary', refreshFigures: false, updatedAt: report.updatedAt });
    await yearly.submitReport(deps, officer, report.id);
  }
  console.log(`${reporters.length} committees wrote and submitted their report in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await measure(`consolidated yearly report of the province (${reporters.length} reports, PDF)`, 10_000, () => consolidatedFile(deps, province, { unitId: pick.province, year }, 'pdf'), Math.min(RUNS, 20));

  // 200 signed forms at a time, confirmed by the province (over its communes); fresh forms each run
  const signed = await queryRows<{ id: string }>(
    db,
    sql`select e.id from evaluations e join org_units c on c.id = e.commune_id where c.path <@ ${pick.pPath}::ltree and e.status = 'signed' and e.year = ${year}
        order by e.id limit ${200 * (RUNS + 1)}`,
  );
  if (signed.length >= 200 * (RUNS + 1))
    await measure('batch-confirm of 200 forms', 2000, (i) => flow.confirmForms(requestsDeps(), province, signed.slice((i + 1) * 200, (i + 2) * 200).map((r) => r.id)));
  else console.log(`batch-confirm skipped: ${signed.length} signed forms in the province`);

  // a 5,000-member committee opening its cycle; the cycle is removed after each run so the next opens it again
  const big = await createBigCommittee(db, pick.pPath, pick.province, 5_000);
  const bigOfficer = benchActor([{ role: 'committee_officer', unitId: big.id, unitPath: big.path, position: 'secretary' }]);
  await ensureUsers(db, [bigOfficer]);
  await measure('opening a cycle for a 5,000-member committee', 10_000, async () => {
    await requests.openCycle(requestsDeps(), bigOfficer, { unitId: big.id, year });
    await big.reset(year);
  }, Math.min(RUNS, 20));

  console.log(`\nScale report on PostgreSQL: ${size.members.toLocaleString('en')} members, ${size.provinces} provinces, ${RUNS} runs per step\n`);
  console.table(table);
} finally {
  await database.close();
}

function requestsDeps() {
  return { db, clock: systemClock, publicUrl: 'http://localhost:3000', documentSecret: 'bench-secret-bench-secret-bench-secret' };
}
