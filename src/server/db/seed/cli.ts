import { documentSecret, sessionSecret } from '../../secrets';
import { loadDotEnv, loadEnv } from '../../env';
import { systemClock } from '../../context';
import { rebuildFigures } from '../../modules/reports/figures/figures.service';
import { openDatabase } from '../client';
import { seedDemo } from './demo';
import { assertNotProduction } from './guard';
import { seedNational } from './national/national';
import { planCountry, plannedMembers, type NationalSize } from './national/provinces';
import { formatSummary } from './national/summary';
import { seedScale } from './scale';

/**
 * npm run db:seed                 — the Nghệ An demo (skipped when units already exist)
 * npm run db:seed -- --scale N    — append N generated working members (load tests, benchmarks)
 * npm run db:seed -- --national   — the whole country for benchmarks (PostgreSQL): 34 provinces, ~5.6 M members,
 *                                   3 years of letters, meetings, attendance and evaluations; provinces already
 *                                   seeded are skipped, so an interrupted run continues where it stopped
 *   --provinces N                 — only the first N provinces (Hà Nội first)
 *   --fraction F                  — every per-province count times F (0 < F ≤ 1), e.g. CI or PGlite:
 *                                   --national --provinces 1 --fraction 0.05
 */
function flagValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i === -1 ? undefined : (argv[i + 1] ?? '');
}

function parseScale(argv: string[]): number | undefined {
  const v = flagValue(argv, '--scale');
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new Error('--scale needs a positive whole number, e.g. --scale 300000');
  return n;
}

function parseNational(argv: string[]): NationalSize | undefined {
  const provinces = flagValue(argv, '--provinces');
  const fraction = flagValue(argv, '--fraction');
  if (!argv.includes('--national')) {
    if (provinces !== undefined || fraction !== undefined)
      throw new Error('--provinces and --fraction go with --national');
    return undefined;
  }
  const size: NationalSize = {};
  if (provinces !== undefined) {
    size.provinces = Number(provinces);
    if (!Number.isInteger(size.provinces) || size.provinces < 1 || size.provinces > 34)
      throw new Error('--provinces needs a whole number from 1 to 34, e.g. --provinces 1');
  }
  if (fraction !== undefined) {
    size.fraction = Number(fraction);
    if (!(size.fraction > 0 && size.fraction <= 1))
      throw new Error('--fraction needs a number above 0 and at most 1, e.g. --fraction 0.05');
  }
  return size;
}

/** PGlite holds a province at a small fraction; the country needs PostgreSQL. */
const PGLITE_MAX_MEMBERS = 200_000;

async function main(): Promise<void> {
  loadDotEnv();
  const env = loadEnv();
  assertNotProduction(env.NODE_ENV);
  const argv = process.argv.slice(2);
  const scale = parseScale(argv);
  const national = parseNational(argv);
  if (scale !== undefined && national) throw new Error('Choose one of --scale and --national');
  if (national && !env.DATABASE_URL) {
    const members = plannedMembers(planCountry(national));
    if (members > PGLITE_MAX_MEMBERS)
      throw new Error(
        `Refusing --national at this size on the embedded PGlite database (~${members.toLocaleString('en')} members). ` +
          'Use --provinces 1 --fraction 0.05, or set DATABASE_URL to a PostgreSQL database.',
      );
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await database.migrate();
    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    const onProgress = (msg: string) => console.log(`[${elapsed()}] ${msg}`);
    if (national) {
      const result = await seedNational(database.db, { ...national, onProgress });
      // the seed writes with triggers off: the dashboards' summary is built once, from all the data
      await rebuildFigures(
        { db: database.db, clock: systemClock, overdueDays: env.INTRODUCTION_OVERDUE_DAYS },
        onProgress,
      );
      console.log(`National seed (${database.kind}) in ${elapsed()}.\n${formatSummary(result)}`);
    } else if (scale === undefined) {
      const { seeded } = await seedDemo(database.db, { documentSecret: documentSecret(env), sessionSecret: sessionSecret(env) });
      console.log(
        seeded
          ? `Demo data seeded (${database.kind}) in ${elapsed()}. Log in as admin / Demo@2026.`
          : 'Demo seed skipped: the database already has org units.',
      );
    } else {
      const result = await seedScale(database.db, scale, { onProgress });
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
