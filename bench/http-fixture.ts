import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/server/db/client';
import { newToken, sessionIdFor } from '../src/server/modules/auth/tokens';

/**
 * Pieces shared by bench:http and bench:soak: a commune officer with a ready session (inserted directly, with
 * the second factor marked as given, so the bench does not depend on the login flow), the ids of members
 * living in that commune, and the servers started as child processes on free loopback ports.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_SECRET = 'bench-session-secret-0123456789abcdef-0123456789';

export interface Officer {
  userId: string;
  communeId: string;
  communePath: string;
  /** the cookie header value, `rl_session=<token>` */
  cookie: string;
  csrfToken: string;
  /** members living in the commune (all readable by the officer) */
  memberIds: string[];
}

/** The commune with the most residents; a committee officer there (user `bench.officer`), a fresh session. */
export async function prepareOfficer(db: Db, sample = 1000): Promise<Officer> {
  const [commune] = await queryRows<{ id: string; path: string }>(
    db,
    sql`select u.id, u.path::text as path from org_units u
        join members m on m.residence_commune_id = u.id
        where u.type = 'commune_committee' and u.status = 'active'
        group by u.id order by count(*) desc limit 1`,
  );
  if (!commune) throw new Error('No commune with members: seed first (npm run db:seed -- --scale 300000).');
  const [user] = await queryRows<{ id: string }>(
    db,
    // an authenticator counts as enrolled (officers must have one); the session below has given its code
    sql`insert into users (username, display_name, password_hash, totp_secret, totp_enabled_at)
        values ('bench.officer', 'Bench Officer', 'x', 'bench', now())
        on conflict (username) do update set is_active = true, must_change_password = false,
          totp_enabled_at = coalesce(users.totp_enabled_at, now()) returning id`,
  );
  const userId = user!.id;
  await db.execute(
    sql`update role_grants set revoked_at = now() where user_id = ${userId} and revoked_at is null and unit_id <> ${commune.id}`,
  );
  await db.execute(sql`insert into role_grants (user_id, role, unit_id, position) values (${userId}, 'committee_officer', ${commune.id}, 'secretary')
      on conflict do nothing`);
  const token = newToken();
  const csrfToken = newToken();
  await db.execute(sql`insert into sessions (id, user_id, csrf_token, expires_at, second_factor_at)
      values (${sessionIdFor(token, BENCH_SECRET)}, ${userId}, ${csrfToken}, now() + interval '12 hours', now())`);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from members where residence_commune_id = ${commune.id} order by md5(id::text) limit ${sample}`,
  );
  return {
    userId,
    communeId: commune.id,
    communePath: commune.path,
    cookie: `rl_session=${token}`,
    csrfToken,
    memberIds: rows.map((r) => r.id),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Child {
  name: string;
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * `node --import tsx <script>` (as `npm start` runs the server) on a free port, loopback only. Extra node flags
 * (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) come from BENCH_NODE_ARGS. Output goes to /dev/null (the
 * production log volume is still produced and serialised) unless BENCH_VERBOSE=1.
 */
export async function startChild(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  healthPath: string,
): Promise<Child> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), `rl-bench-${name}-`));
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited before it was ready`);
    if (Date.now() > deadline) throw new Error(`${name} not ready after 60 s`);
    try {
      if ((await fetch(url + healthPath)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    url,
    pid: child.pid!,
    stop: async () => {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The real server as `npm start` runs it, in production mode, no demo seed, on the bench database. */
export function startApp(databaseUrl: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Child> {
  return startChild(
    'app',
    'src/server/main.ts',
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: BENCH_SECRET,
      SEED_DEMO: 'false',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ...extraEnv,
    },
    '/api/health',
  );
}

/** `ps`-free memory sample of a child: resident set size from /proc (Linux), in MB. */
export function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}
