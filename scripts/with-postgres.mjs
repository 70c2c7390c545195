#!/usr/bin/env node
// Runs a command against a throwaway PostgreSQL server.
//
//   node scripts/with-postgres.mjs <command> [args...]
//   node scripts/with-postgres.mjs sh -c 'psql "$TEST_DATABASE_URL" -c "select 1"'
//
// When TEST_DATABASE_URL is already set, the command simply runs against that server.
// Otherwise a PostgreSQL cluster is created in a temp dir (initdb, trust auth, fsync off),
// started on a free port on 127.0.0.1, and the command runs with
//   TEST_DATABASE_URL = postgres://postgres@127.0.0.1:<port>/postgres   (superuser; the test
//                       setup creates a migrated template DB and one copy per test file)
//   E2E_DATABASE_URL  = postgres://postgres@127.0.0.1:<port>/residence_link_e2e
//   DATABASE_URL        removed, so nothing else touches a real database by accident.
// The server is stopped and its directories deleted afterwards, also on failure or a signal,
// and the script exits with the command's exit code.
//
// Binaries: $PG_BIN, else /usr/lib/postgresql/15/bin, else the newest /usr/lib/postgresql/*/bin
// (Debian: apt-get install -y postgresql-15 postgresql-contrib).
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const TAG = '[with-postgres]';
const log = (msg) => console.error(`${TAG} ${msg}`);

const command = process.argv.slice(2);
if (command.length === 0) {
  log('usage: node scripts/with-postgres.mjs <command> [args...]');
  process.exit(2);
}

if (process.env.TEST_DATABASE_URL) {
  log(`TEST_DATABASE_URL is set; using that server. Running: ${command.join(' ')}`);
  const child = spawnSync(command[0], command.slice(1), { stdio: 'inherit' });
  if (child.error) {
    log(`cannot run ${command[0]}: ${child.error.message}`);
    process.exit(127);
  }
  process.exit(child.status ?? 1);
}

function findBinDir() {
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/15/bin'];
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  return candidates.find(
    (dir) => dir && existsSync(path.join(dir, 'postgres')) && existsSync(path.join(dir, 'initdb')),
  );
}

const binDir = findBinDir();
if (!binDir) {
  log('PostgreSQL server binaries not found (looked in $PG_BIN and /usr/lib/postgresql/*/bin).');
  log('On Debian/Ubuntu: apt-get update && apt-get install -y postgresql-15 postgresql-contrib');
  process.exit(1);
}
const bin = (name) => path.join(binDir, name);

// Run the server as `postgres` when we are root (initdb refuses root); otherwise as ourselves.
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let owner = {};
if (isRoot) {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    log(
      'running as root but there is no "postgres" user; create one (useradd -r postgres) or run as a normal user.',
    );
    process.exit(1);
  }
  owner = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

const baseDir = mkdtempSync(path.join(os.tmpdir(), 'residence-link-pg-'));
const dataDir = path.join(baseDir, 'data');
const socketDir = path.join(baseDir, 'socket');
const logFile = path.join(baseDir, 'postgres.log');
mkdirSync(socketDir);
chmodSync(baseDir, 0o700);
if (isRoot) {
  chownSync(baseDir, owner.uid, owner.gid);
  chownSync(socketDir, owner.uid, owner.gid);
}

let started = false;
let cleanedUp = false;
function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (started) {
    log('stopping PostgreSQL');
    const stop = spawnSync(bin('pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop'], {
      ...owner,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (stop.status !== 0) log('pg_ctl stop failed; the server may still be running');
  }
  rmSync(baseDir, { recursive: true, force: true });
  log(`removed ${baseDir}`);
}
process.on('exit', cleanup);

function runAsOwner(file, args) {
  return spawnSync(file, args, {
    ...owner,
    cwd: baseDir,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });
}

function fail(message, detail) {
  log(message);
  if (detail) console.error(detail.trimEnd());
  if (existsSync(logFile)) console.error(readFileSync(logFile, 'utf8').trimEnd());
  cleanup();
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// initdb: UTF8 with the C.UTF-8 locale (present on Debian without locales-all); plain C as a fallback.
log(`initdb (${binDir}) in ${dataDir}${isRoot ? ' as user postgres' : ''}`);
let init;
for (const locale of ['C.UTF-8', 'C']) {
  init = runAsOwner(bin('initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    `--locale=${locale}`,
    '--no-sync',
  ]);
  if (init.status === 0) break;
  rmSync(dataDir, { recursive: true, force: true });
}
if (init.status !== 0)
  fail('initdb failed', `${init.stdout ?? ''}${init.stderr ?? ''}${init.error?.message ?? ''}`);

const port = await freePort();
const serverOptions = [
  `-p ${port}`,
  `-k ${socketDir}`,
  '-c listen_addresses=127.0.0.1',
  '-c fsync=off',
  '-c full_page_writes=off',
  '-c synchronous_commit=off',
  '-c max_connections=200',
].join(' ');
log(`starting PostgreSQL on 127.0.0.1:${port}`);
const start = runAsOwner(bin('pg_ctl'), [
  '-D',
  dataDir,
  '-l',
  logFile,
  '-o',
  serverOptions,
  '-w',
  '-t',
  '60',
  'start',
]);
if (start.status !== 0) fail('pg_ctl start failed', `${start.stdout ?? ''}${start.stderr ?? ''}`);
started = true;

const createE2e = runAsOwner(bin('createdb'), [
  '-h',
  '127.0.0.1',
  '-p',
  String(port),
  '-U',
  'postgres',
  'residence_link_e2e',
]);
if (createE2e.status !== 0) fail('createdb residence_link_e2e failed', createE2e.stderr);

const serverUrl = `postgres://postgres@127.0.0.1:${port}`;
const env = {
  ...process.env,
  TEST_DATABASE_URL: `${serverUrl}/postgres`,
  E2E_DATABASE_URL: `${serverUrl}/residence_link_e2e`,
};
delete env.DATABASE_URL;

log(`TEST_DATABASE_URL=${env.TEST_DATABASE_URL}`);
log(`running: ${command.join(' ')}`);
const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env });

// Ctrl-C reaches the child through the terminal's process group; a plain kill only reaches us.
// Either way, pass it on and clean up once the child has gone.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`received ${signal}; stopping the command`);
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  log(`cannot run ${command[0]}: ${error.message}`);
  cleanup();
  process.exit(127);
});
child.on('exit', (code, signal) => {
  const exitCode = code ?? 128 + (os.constants.signals[signal] ?? 0);
  log(`command exited with ${code ?? signal}`);
  cleanup();
  process.exit(exitCode);
});
