// npm run db:backup [file]: a copy of the database the server uses.
//   PGlite (no DATABASE_URL): the data directory DATA_DIR/pglite as a gzipped tarball; the server must be stopped.
//   PostgreSQL (DATABASE_URL): pg_dump -Fc (custom format, restored with pg_restore); the server may run.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { backupPglite, defaultBackupFile, pgTool, runTool, serverTarget } from './db-backup.lib';

const target = serverTarget();
const file = process.argv[2] ?? defaultBackupFile(target);
try {
  if (target.kind === 'pglite') {
    const bytes = await backupPglite(target.dataDir, file);
    console.log(`Backup written: ${file} (${(bytes / 1e6).toFixed(1)} MB, PGlite data directory).`);
  } else {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    runTool(pgTool('pg_dump'), ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${target.url}`]);
    console.log(`Backup written: ${file} (pg_dump custom format).`);
  }
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exit(1);
}
