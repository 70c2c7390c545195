// npm run db:restore <file>: puts a backup made by db:backup back.
//   PGlite: replaces DATA_DIR/pglite (the previous directory is kept beside it); refused while a server runs.
//   PostgreSQL: pg_restore --clean --if-exists into DATABASE_URL; stop the servers first.
import { existsSync } from 'node:fs';
import { restorePglite, restorePostgres, serverTarget } from './db-backup.lib';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error(file ? `No such backup file: ${file}` : 'Usage: npm run db:restore <file>');
  process.exit(2);
}
const target = serverTarget();
try {
  if (target.kind === 'pglite') {
    const { previous } = await restorePglite(target.dataDir, file);
    console.log(
      `Restored ${file} into ${target.dataDir}.${previous ? ` The previous data is kept in ${previous}.` : ''}`,
    );
  } else {
    await restorePostgres(target.url, file);
    console.log(`Restored ${file} into the PostgreSQL database.`);
  }
  console.log('Check the audit log with: npm run audit:verify');
} catch (err) {
  console.error(`Restore failed: ${(err as Error).message}`);
  process.exit(1);
}
