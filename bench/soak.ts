/**
 * npm run bench:soak — a bounded soak of the real server, loopback only (issue 12). Not a test: prints numbers,
 * exits 1 on any error. Needs a PostgreSQL database with members (as bench:http):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55432/bench npm run bench:soak -- --duration 5m --connections 100
 *
 * `--duration` (default 5m; `90s`, `2m` or seconds) of, at the same time:
 *   - reads by a commune officer on `--connections` (default 100) connections, each cycling through a member's
 *     record, a page of the member list, the dashboard and the home page;
 *   - workflow steps, one after the other: a meeting entered for a residential cell of the commune with an
 *     Idempotency-Key, the same request again (must answer the same meeting), its detail, and attendance for
 *     five of its members.
 * Reports errors (must be 0), p50/p99 of both, and the server's memory (RSS and the V8 heap retained after a
 * full collection, sampled every 5 s by the server itself through bench/memory-probe.cjs) after the first 10 s,
 * at the end of the load and once idle after it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { connectPostgres, queryRows } from '../src/server/db/client';
import { percentile } from './scale-fixtures';
import { prepareOfficer, repoRoot, startApp, type Child, type Officer } from './http-fixture';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}
function seconds(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(text.trim());
  if (!m) throw new Error(`--duration: say 300, 90s or 5m, not "${text}"`);
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
}

const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.log(
    'bench:soak needs BENCH_DATABASE_URL (or DATABASE_URL): a PostgreSQL database with members; skipped.',
  );
  process.exit(0);
}
const DURATION = seconds(flag('duration', '5m'));
const CONNECTIONS = Number(flag('connections', '100'));
// 100 days back, on a minute of its own for this run
const RUN_BASE =
  Math.floor(Date.now() / 3_600_000) * 3_600_000 - 100 * 86_400_000 + Math.floor(Math.random() * 60) * 60_000;
const memoryFile = path.join(tmpdir(), `rl-soak-memory-${process.pid}.jsonl`);

interface Sample {
  t: number;
  rss: number;
  heapUsed: number;
}
const readSamples = (): Sample[] =>
  readFileSync(memoryFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Sample);

/** One workflow cycle; returns the step latencies. Throws on any unexpected answer. */
async function workflowCycle(app: Child, officer: Officer, cellId: string, n: number): Promise<number[]> {
  const headers = {
    cookie: officer.cookie,
    'x-csrf-token': officer.csrfToken,
    'content-type': 'application/json',
  };
  const times: number[] = [];
  const call = async (method: string, url: string, body?: unknown, extra: Record<string, string> = {}) => {
    const started = performance.now();
    const res = await fetch(app.url + url, {
      method,
      headers: { ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    times.push(performance.now() - started);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  // a distinct past start for every cycle, so each is a new meeting (the same cell and start is the same meeting)
  const start = new Date(RUN_BASE + n * 3_600_000);
  const body = {
    cellId,
    entry: 'record',
    kind: 'regular',
    title: `Sinh hoạt chi bộ thử tải ${n}`,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
    place: 'Nhà văn hóa thôn',
  };
  const key = { 'idempotency-key': randomUUID() };
  const first = await call('POST', '/api/meetings', body, key);
  const again = await call('POST', '/api/meetings', body, key);
  if (first.id !== again.id)
    throw new Error(`the same Idempotency-Key made two meetings: ${String(first.id)}, ${String(again.id)}`);
  const detail = await call('GET', `/api/meetings/${String(first.id)}`);
  const attendees = ((detail.attendances ?? []) as { memberId: string }[]).slice(0, 5);
  if (attendees.length)
    await call(
      'POST',
      `/api/meetings/${String(first.id)}/attendance`,
      { rows: attendees.map((a) => ({ memberId: a.memberId, status: 'present' })) },
      { 'idempotency-key': randomUUID() },
    );
  return times;
}

const database = connectPostgres(databaseUrl, 2);
let app: Child | undefined;
try {
  await database.migrate();
  const officer = await prepareOfficer(database.db);
  const cells = await queryRows<{ id: string }>(
    database.db,
    sql`select c.id from org_units c where c.type = 'residential_cell' and c.status = 'active'
        and c.path <@ ${officer.communePath}::ltree order by c.code`,
  );
  if (!cells.length) throw new Error('no residential cell in the commune');
  rmSync(memoryFile, { force: true });
  app = await startApp(databaseUrl, {
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --expose-gc --require ${path.join(repoRoot, 'bench/memory-probe.cjs')}`.trim(),
    BENCH_MEMORY_FILE: memoryFile,
  });
  const ids = officer.memberIds;
  let i = 0;
  const reads = [
    () => `/api/members/${ids[i++ % ids.length]}`,
    () => `/api/members?limit=20&residenceCommuneId=${officer.communeId}`,
    () => `/api/reports/dashboard?unitId=${officer.communeId}`,
    () => '/api/home/today',
  ];
  for (const url of reads.map((r) => r())) {
    const res = await fetch(app.url + url, { headers: { cookie: officer.cookie } });
    if (!res.ok) throw new Error(`GET ${url} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
  console.log(
    `soak: ${DURATION} s, ${CONNECTIONS} connections of reads + one workflow loop, server pid ${app.pid}`,
  );

  const deadline = Date.now() + DURATION * 1000;
  const stepTimes: number[] = [];
  const workflowErrors: string[] = [];
  let cycles = 0;
  const workflow = (async () => {
    while (Date.now() < deadline) {
      try {
        stepTimes.push(...(await workflowCycle(app!, officer, cells[cycles % cells.length]!.id, cycles)));
      } catch (err) {
        workflowErrors.push((err as Error).message);
      }
      cycles++;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const load = await autocannon({
    url: app.url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { cookie: officer.cookie, 'accept-encoding': 'br, gzip' },
    requests: reads.map((r) => ({
      method: 'GET' as const,
      setupRequest: (req: autocannon.Request) => ({ ...req, path: r() }),
    })),
  });
  await workflow;
  const loadEnded = Date.now();
  await new Promise((r) => setTimeout(r, 5500)); // one more memory sample after the load

  const samples = readSamples();
  const begin = samples.find((s) => s.t >= samples[0]!.t + 10_000) ?? samples[0]!;
  const end = [...samples].reverse().find((s) => s.t <= loadEnded) ?? samples[samples.length - 1]!;
  const idle = samples[samples.length - 1]!;
  const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
  const readErrors = load.errors + load.timeouts + load.non2xx;
  console.table({
    reads: {
      requests: load.requests.total,
      'req/s': Math.round(load.requests.average),
      'p50 ms': load.latency.p50,
      'p99 ms': load.latency.p99,
      errors: readErrors,
    },
    workflow: {
      requests: stepTimes.length,
      'req/s': Number((stepTimes.length / DURATION).toFixed(1)),
      'p50 ms': Math.round(percentile(stepTimes, 50)),
      'p99 ms': Math.round(percentile(stepTimes, 99)),
      errors: workflowErrors.length,
    },
  });
  console.log(`workflow cycles: ${cycles} (meeting + replay with the same key + detail + attendance)`);
  console.log(
    `memory under load after 10 s: RSS ${mb(begin.rss)}, heap ${mb(begin.heapUsed)}; at the end of the load: RSS ${mb(end.rss)}, ` +
      `heap ${mb(end.heapUsed)}; idle after it: RSS ${mb(idle.rss)}, heap ${mb(idle.heapUsed)}; max RSS ${mb(Math.max(...samples.map((s) => s.rss)))} (${samples.length} samples)`,
  );
  for (const e of workflowErrors.slice(0, 5)) console.log(`  workflow error: ${e}`);
  if (readErrors + workflowErrors.length > 0) process.exitCode = 1;
} finally {
  await app?.stop();
  await database.close();
  rmSync(memoryFile, { force: true });
}
