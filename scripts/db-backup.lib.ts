import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions, type Database } from '../src/server/db/client';
import { lockDataDir } from '../src/server/db/data-dir-lock';
import { loadDotEnv, loadEnv } from '../src/server/env';

/**
 * What the backup, restore and audit scripts share: the database the server would use (DATABASE_URL, else
 * PGlite under DATA_DIR/pglite), opened only while no server holds an embedded data directory.
 */

export type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export function serverTarget(): Target {
  loadDotEnv();
  const env = loadEnv();
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'pglite', dataDir: env.DATA_DIR };
}

export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pglite');

/** Opens the target's database; on PGlite it holds the data directory's lock (refused while a server runs). */
export async function openTarget(
  target: Target,
): Promise<{ database: Database; close: () => Promise<void> }> {
  const release = target.kind === 'pglite' ? lockDataDir(target.dataDir) : () => {};
  try {
    const database = await openDatabase(
      target.kind === 'postgres' ? { databaseUrl: target.url, dataDir: '.' } : { dataDir: target.dataDir },
    );
    return { database, close: async () => (await database.close(), release()) };
  } catch (err) {
    release();
    throw err;
  }
}

/** The whole PGlite data directory as one gzipped tarball (PGlite's `dumpDataDir`). */
export async function backupPglite(dataDir: string, file: string): Promise<number> {
  const release = lockDataDir(dataDir);
  try {
    const client = await PGlite.create({ dataDir: pgliteDir(dataDir), extensions: pgliteExtensions });
    try {
      const dump = await client.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      writeFileSync(file, bytes);
      return bytes.length;
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Replaces the PGlite data directory with a backup: loaded into a new directory first (PGlite's `loadDataDir`),
 * opened and checked, then swapped in; the previous directory is kept beside it. Refused while a server runs.
 */
export async function restorePglite(dataDir: string, file: string): Promise<{ previous: string | null }> {
  const release = lockDataDir(dataDir);
  try {
    const target = pgliteDir(dataDir);
    const staging = `${target}.restoring`;
    rmSync(staging, { recursive: true, force: true });
    const client = await PGlite.create({
      dataDir: staging,
      extensions: pgliteExtensions,
      loadDataDir: new Blob([readFileSync(file)]),
    });
    try {
      await client.query('select count(*) from audit_log');
    } finally {
      await client.close();
    }
    let previous: string | null = null;
    if (existsSync(target) && readdirSync(target).length > 0) {
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, previous);
    } else rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return { previous };
  } finally {
    release();
  }
}

/** `pg_dump`, `pg_restore`, `psql`: from PG_BIN, the PATH, or the newest /usr/lib/postgresql/<version>/bin. */
export function pgTool(name: 'pg_dump' | 'pg_restore' | 'psql'): string {
  const dirs = [process.env.PG_BIN, ...(process.env.PATH ?? '').split(path.delimiter)];
  if (existsSync('/usr/lib/postgresql'))
    dirs.push(
      ...readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`),
    );
  for (const dir of dirs) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  throw new Error(`${name} not found: install the PostgreSQL client tools or set PG_BIN to their folder.`);
}

export function runTool(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${path.basename(tool)} exited with ${result.status}`);
}

/**
 * pg_restore --clean into DATABASE_URL, through psql in one transaction. pg_restore's script empties the
 * search_path, and `immutable_unaccent` (migration 0000, behind the members' generated search column) names its
 * dictionary unqualified, so PostgreSQL cannot inline it while it creates the table: the script's search_path
 * line is given `public` instead (every name in the script is qualified, so nothing else resolves differently).
 */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const restore = spawn(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--file=-', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const psql = spawn(
    pgTool('psql'),
    ['--quiet', '--no-psqlrc', '--single-transaction', '--set=ON_ERROR_STOP=1', `--dbname=${url}`],
    {
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
  const emptied = "SELECT pg_catalog.set_config('search_path', '', false);";
  const pinned = "SELECT pg_catalog.set_config('search_path', 'public, pg_catalog', false);";
  const lines = createInterface({ input: restore.stdout, crlfDelay: Infinity });
  const exited = (child: ReturnType<typeof spawn>, name: string) =>
    new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`))));
    });
  const done = Promise.all([exited(restore, 'pg_restore'), exited(psql, 'psql')]);
  for await (const line of lines) {
    if (!psql.stdin.write(`${line === emptied ? pinned : line}\n`)) await once(psql.stdin, 'drain');
  }
  psql.stdin.end();
  await done;
}

export function defaultBackupFile(target: Target): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const dir = target.kind === 'pglite' ? path.join(target.dataDir, 'backups') : 'backups';
  return path.join(dir, `residence-link-${stamp}.${target.kind === 'pglite' ? 'tar.gz' : 'dump'}`);
}
