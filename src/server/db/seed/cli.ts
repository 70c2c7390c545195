import { documentSecret } from '../../secrets';
import { loadDotEnv, loadEnv } from '../../env';
import { openDatabase } from '../client';
import { seedDemo } from './demo';
import { assertNotProduction } from './guard';
import { seedScale } from './scale';

/**
 * npm run db:seed                 — the Nghệ An demo (skipped when units already exist)
 * npm run db:seed -- --scale N    — append N generated working members (load tests, benchmarks)
 */
function parseScale(argv: string[]): number | undefined {
  const i = argv.indexOf('--scale');
  if (i === -1) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1)
    throw new Error('--scale needs a positive whole number, e.g. --scale 300000');
  return n;
}

async function main(): Promise<void> {
  loadDotEnv();
  const env = loadEnv();
  assertNotProduction(env.NODE_ENV);
  const scale = parseScale(process.argv.slice(2));
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await database.migrate();
    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    if (scale === undefined) {
      const { seeded } = await seedDemo(database.db, { documentSecret: documentSecret(env) });
      console.log(
        seeded
          ? `Demo data seeded (${database.kind}) in ${elapsed()}. Log in as admin / Demo@2026.`
          : 'Demo seed skipped: the database already has org units.',
      );
    } else {
      const result = await seedScale(database.db, scale, {
        onProgress: (msg) => console.log(`[${elapsed()}] ${msg}`),
      });
      console.log(
        `Scale seed (${database.kind}): ${result.members} members, ${result.units} units in ${elapsed()}.`,
      );
    }
  } finally {
    await database.close();
  }
}

try {
  await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
