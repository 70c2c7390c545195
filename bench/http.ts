/**
 * npm run bench:http — the access-checked read under load, the real server against a bare one (issue 12).
 * Not a test: prints numbers. Needs a PostgreSQL database with members (e.g. `npm run db:seed -- --scale 300000`):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55432/bench npm run bench:http
 *
 * Starts, side by side on that database, the real server (`node --import tsx src/server/main.ts`,
 * NODE_ENV=production, LOG_LEVEL=info as deployed) and bench/bare-server.ts (Fastify + pg, the same two
 * queries: access check + member by id, no framework around them). A commune officer's session reads random
 * members of the commune with GET /api/members/:id. After a warm-up of both, BENCH_ROUNDS (3) interleaved
 * rounds of BENCH_SECONDS (10) each per server, BENCH_CONNECTIONS (20) connections, the same autocannon
 * settings; prints req/s, p50/p99 per server and the ratio app/bare. Exits 1 on any error or non-2xx answer.
 * BENCH_NODE_ARGS passes node flags to both servers (`--cpu-prof --cpu-prof-dir=/tmp/prof` for a profile).
 */
import autocannon from 'autocannon';
import { connectPostgres } from '../src/server/db/client';
import { BENCH_SECRET, prepareOfficer, startApp, startChild, type Child, type Officer } from './http-fixture';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.log(
    'bench:http needs BENCH_DATABASE_URL (or DATABASE_URL): a PostgreSQL database with members; skipped.',
  );
  process.exit(0);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

interface Round {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(target: Child, officer: Officer, seconds: number): Promise<Round> {
  const ids = officer.memberIds;
  let i = 0;
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: {
      cookie: officer.cookie,
      ...(process.env.BENCH_NO_COMPRESS ? {} : { 'accept-encoding': 'br, gzip' }),
    },
    requests: [
      { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/members/${ids[i++ % ids.length]}` }) },
    ],
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function summary(rounds: Round[]) {
  const requests = rounds.reduce((s, r) => s + r.requests, 0);
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    rps: requests / seconds,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((s, r) => s + r.errors + r.non2xx, 0),
  };
}

const database = connectPostgres(databaseUrl, 2);
let app: Child | undefined;
let bare: Child | undefined;
try {
  await database.migrate();
  const officer = await prepareOfficer(database.db);
  app = await startApp(databaseUrl);
  bare = await startChild(
    'bare',
    'bench/bare-server.ts',
    { DATABASE_URL: databaseUrl, SESSION_SECRET: BENCH_SECRET },
    '/health',
  );
  const probe = await fetch(`${app.url}/api/members/${officer.memberIds[0]}`, {
    headers: { cookie: officer.cookie },
  });
  if (!probe.ok)
    throw new Error(`the app answers ${probe.status} to the officer's read: ${await probe.text()}`);
  console.log(
    `GET /api/members/:id as a commune officer (${officer.memberIds.length} members of the commune, ${CONNECTIONS} connections)`,
  );
  await load(app, officer, WARMUP_SECONDS);
  await load(bare, officer, WARMUP_SECONDS);
  const rounds: Record<'app' | 'bare', Round[]> = { app: [], bare: [] };
  for (let r = 0; r < ROUNDS; r++) {
    // alternate which goes first, so neither always runs on a machine still busy from the other
    const order = r % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
    for (const name of order) {
      const round = await load(name === 'app' ? app : bare, officer, SECONDS);
      rounds[name].push(round);
      console.log(
        `  round ${r + 1} ${name.padEnd(4)} ${(round.requests / round.seconds).toFixed(0).padStart(6)} req/s  p50 ${round.p50} ms  p99 ${round.p99} ms`,
      );
    }
  }
  const a = summary(rounds.app);
  const b = summary(rounds.bare);
  console.table({
    app: { 'req/s': Math.round(a.rps), 'p50 ms': a.p50, 'p99 ms': a.p99, errors: a.errors },
    bare: { 'req/s': Math.round(b.rps), 'p50 ms': b.p50, 'p99 ms': b.p99, errors: b.errors },
  });
  console.log(`ratio app/bare: ${(a.rps / b.rps).toFixed(2)} (target ≥ 0.60)`);
  if (a.errors + b.errors > 0) process.exitCode = 1;
} finally {
  await app?.stop();
  await bare?.stop();
  await database.close();
}
