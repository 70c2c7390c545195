import { sql } from 'drizzle-orm';
import { vnDay } from '../../../../shared/rules/vietnam-calendar';
import { queryRows, type Db } from '../../client';
import { assertNotProduction } from '../guard';
import { seedCellLife } from './cell-life';
import type { ProvinceContext } from './context';
import { seedEvaluations } from './evaluations';
import { seedLetters } from './letters';
import { seedMeetings } from './meetings';
import { seedMembers } from './members';
import { parkIndexes, restoreIndexes } from './indexes';
import { planCountry, plannedMembers, type NationalSize, type ProvincePlan } from './provinces';
import { countTables, type TableCounts } from './summary';
import { seedUnits } from './units';

/**
 * A realistic country for benchmarks, set-based: the 34 provinces with their communes, residential cells and
 * workplace committees, ~5.6 M members of whom ~2.5 M working members, and three years of history (letters,
 * meetings with per-person attendance, campaigns, warnings, yearly evaluations with versions and disputes).
 *
 * Province by province, each in its own transaction: a province is there completely or not at all, so running
 * again skips the provinces already seeded and an interrupted one starts over. Inside the transaction,
 * `session_replication_role = replica` skips FK checks and user triggers (dashboards rebuild their summaries
 * after a bulk load); every statement is INSERT … SELECT over generate_series and temp tables of ids. At full
 * size the big tables' secondary indexes are dropped for the load and rebuilt at the end (indexes.ts).
 */
export interface NationalOptions extends NationalSize {
  /** the moment the data describes (default now); years and days are Vietnam's */
  now?: Date;
  onProgress?: (msg: string) => void;
  /** drop the big tables' secondary indexes during the load and rebuild them at the end (default: from 500,000 members) */
  parkIndexes?: boolean;
}

const PARK_FROM_MEMBERS = 500_000;

export const STAGES = ['units', 'members', 'letters', 'meetings', 'cell life', 'evaluations'] as const;
export type Stage = (typeof STAGES)[number];

const RUN: Record<Stage, (ctx: ProvinceContext) => Promise<void>> = {
  units: seedUnits,
  members: seedMembers,
  letters: seedLetters,
  meetings: seedMeetings,
  'cell life': seedCellLife,
  evaluations: seedEvaluations,
};

export interface NationalResult {
  provinces: { code: string; name: string; skipped: boolean; seconds: number; members: number }[];
  /** seconds spent per stage, summed over the provinces seeded by this run */
  stages: Record<Stage, number>;
  /** secondary indexes rebuilt after the load (parked by this run or an interrupted one) */
  indexes: { rebuilt: number; seconds: number };
  rows: TableCounts;
  seconds: number;
}

export async function seedNational(db: Db, opts: NationalOptions = {}): Promise<NationalResult> {
  assertNotProduction();
  const plans = planCountry(opts);
  const now = opts.now ?? new Date();
  const today = vnDay(now);
  const year = Number(today.slice(0, 4));
  const progress = opts.onProgress ?? (() => {});
  const started = performance.now();
  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const provinces: NationalResult['provinces'] = [];
  const seeded = new Set<string>();
  for (const plan of plans) if (await isSeeded(db, plan)) seeded.add(plan.code);
  const pending = plannedMembers(plans.filter((p) => !seeded.has(p.code)));
  if (opts.parkIndexes ?? pending >= PARK_FROM_MEMBERS) {
    const parked = await parkIndexes(db);
    progress(`${parked.length} secondary indexes parked for the load`);
  }
  for (const [i, plan] of plans.entries()) {
    const label = `province ${i + 1}/${plans.length} ${plan.spec.name}`;
    const t0 = performance.now();
    if (seeded.has(plan.code)) {
      progress(`${label}: already seeded (${plan.code}), skipped`);
      provinces.push({ code: plan.code, name: plan.spec.name, skipped: true, seconds: 0, members: 0 });
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`set local synchronous_commit = off`);
      await tx.execute(sql`set local work_mem = '256MB'`);
      // the same distribution for the same province (ids and codes still differ between runs)
      await tx.execute(sql`select setseed(${plan.spec.index / 100})`);
      const ctx: ProvinceContext = {
        tx,
        plan,
        now: sql`${now.toISOString()}::timestamptz`,
        today,
        year,
        years: [year - 2, year - 1, year],
        ids: { province: '', agencies: '', enterprises: '' },
        progress: (msg) => progress(`${label}: ${msg}`),
      };
      for (const stage of STAGES) {
        const s0 = performance.now();
        await RUN[stage](ctx);
        stages[stage] += (performance.now() - s0) / 1000;
      }
    });
    const seconds = (performance.now() - t0) / 1000;
    progress(
      `${label}: ${(plan.working + plan.others).toLocaleString('en')} members (${plan.working.toLocaleString('en')} working) in ${seconds.toFixed(1)} s`,
    );
    provinces.push({
      code: plan.code,
      name: plan.spec.name,
      skipped: false,
      seconds,
      members: plan.working + plan.others,
    });
  }
  const r0 = performance.now();
  const rebuilt = await restoreIndexes(db, progress);
  const indexSeconds = (performance.now() - r0) / 1000;
  if (provinces.some((p) => !p.skipped)) {
    progress('analyze');
    await db.execute(sql`analyze`);
  }
  return {
    provinces,
    stages,
    indexes: { rebuilt, seconds: indexSeconds },
    rows: await countTables(db),
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * A province is seeded when its root exists: it is written in one transaction, the evaluation cycles last.
 * A root without cycles was not made by this generator's transaction; refuse rather than add to it.
 */
async function isSeeded(db: Db, plan: ProvincePlan): Promise<boolean> {
  const [row] = await queryRows<{ complete: boolean }>(
    db,
    sql`select exists (select 1 from evaluation_cycles cy join org_units w on w.id = cy.workplace_unit_id where w.path <@ u.path) as complete
        from org_units u where u.code = ${plan.code}`,
  );
  if (!row) return false;
  if (!row.complete)
    throw new Error(
      `Unit ${plan.code} exists but has no evaluation cycles: it was not made by the national seed. Remove it or use another database.`,
    );
  return true;
}
