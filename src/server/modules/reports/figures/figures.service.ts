import type { Db } from '../../../db/client';
import type { Clock } from '../../../context';
import { figureColumns } from '../../../../shared/rules/report-columns';
import { vnDay, vnYear } from '../../../../shared/rules/vietnam-calendar';
import type { FigureContext } from './figure-source.repository';
import { lifeRulesOn } from '../../rule-sets/rule-sets.service';
import { FIGURES_VERSION } from './figure-sources';
import * as repo from './figures.repository';

/**
 * Keeps the dashboards' summary true (decision 0008). Writes mark units dirty (triggers); `refreshMarked`
 * recomputes the marked units' own rows and their ancestors' tree rows in one transaction, serialised by an
 * advisory lock so two servers never interleave. Reads call it for their subtree first (a commune sees its
 * own change at once); the job calls it for everything, marks units whose figures change with the clock
 * alone, and rebuilds all rows when the definitions change or a new year starts.
 */
export interface FigureDeps {
  db: Db;
  clock: Clock;
  /** INTRODUCTION_OVERDUE_DAYS */
  overdueDays: number;
}

/** Years kept: this one and the two before (the trend shows three). */
export const YEARS_KEPT = 3;

export async function figureContext(deps: FigureDeps): Promise<FigureContext> {
  const now = deps.clock.now();
  const year = vnYear(now);
  const years = Array.from({ length: YEARS_KEPT }, (_, i) => year - (YEARS_KEPT - 1) + i);
  const required = (day: string) => lifeRulesOn(deps.db, day).then((r) => r.regularMeetingsPerHalfYear);
  return {
    years,
    now,
    today: vnDay(now),
    overdueBefore: new Date(now.getTime() - deps.overdueDays * 86_400_000),
    requiredMeetings: await Promise.all(
      years.map(async (y) => ({
        year: y,
        half1: await required(`${y}-06-30`),
        half2: await required(`${y}-12-31`),
      })),
    ),
  };
}

export interface RefreshResult {
  /** units recomputed */
  refreshed: number;
  /** another refresh holds the lock (nothing done) */
  busy: boolean;
  /** more marks than this call would take: left for the job */
  deferred: boolean;
}

const MAX_MARKS_PER_CLAIM = 50_000;

/**
 * Recompute the marked units under `withinPath` (null: anywhere). With `maxUnits`, a larger backlog is left to
 * the job (a page view never pays for a province's year-end rush); `wait` blocks on the lock instead of skipping.
 */
export async function refreshMarked(
  deps: FigureDeps,
  opts: { withinPath: string | null; maxUnits?: number; wait?: boolean },
): Promise<RefreshResult> {
  // before the transaction: it reads the rule sets on its own connection (one connection on PGlite)
  const ctx = await figureContext(deps);
  return deps.db.transaction(async (tx) => {
    if (opts.wait) await repo.waitRefreshLock(tx);
    else if (!(await repo.tryRefreshLock(tx))) return { refreshed: 0, busy: true, deferred: false };
    const claim = await repo.claimDirty(tx, opts.withinPath, MAX_MARKS_PER_CLAIM);
    if (claim.unitIds.length === 0) return { refreshed: 0, busy: false, deferred: false };
    if (opts.maxUnits !== undefined && claim.unitIds.length > opts.maxUnits)
      return { refreshed: 0, busy: false, deferred: true };
    await repo.recomputeOwnRows(tx, ctx, claim.unitIds);
    await recomputeTrees(tx, ctx.now, false);
    await repo.deleteDirty(tx, claim.ids);
    return {
      refreshed: claim.unitIds.length,
      busy: false,
      deferred: claim.ids.length === MAX_MARKS_PER_CLAIM,
    };
  });
}

async function recomputeTrees(tx: Parameters<typeof repo.recomputeTreeLevel>[0], now: Date, all: boolean) {
  const { depths } = await repo.collectTreeUnits(tx, all);
  for (const depth of depths) await repo.recomputeTreeLevel(tx, depth, now);
}

/** Stamp of what the stored rows were computed with; a different one means a rebuild. */
function versionStamp() {
  return { version: FIGURES_VERSION, columns: figureColumns.map((c) => c.column).join(',') };
}

/** Everything again, from the data (after a seed, a definition change, a new year). */
export async function rebuildFigures(
  deps: FigureDeps,
  onProgress: (message: string) => void = () => {},
): Promise<void> {
  const ctx = await figureContext(deps);
  await deps.db.transaction(async (tx) => {
    await repo.waitRefreshLock(tx);
    // the marks present now are covered by this rebuild; later ones stay for the next refresh
    const claim = await repo.claimDirty(tx, null, Number.MAX_SAFE_INTEGER);
    const started = performance.now();
    await repo.recomputeOwnRows(tx, ctx, null, (name) =>
      onProgress(`figures: ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`),
    );
    await recomputeTrees(tx, ctx.now, true);
    onProgress(`figures: subtree totals (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    await repo.deleteDirty(tx, claim.ids);
    await repo.deleteDirtyOrphans(tx);
    await repo.writeState(tx, 'figures', {
      ...versionStamp(),
      year: vnYear(ctx.now),
      at: ctx.now.toISOString(),
    });
    await repo.writeState(tx, 'crossings', { at: ctx.now.toISOString() });
  });
}

interface FiguresStamp {
  version: number;
  columns: string;
  year: number;
}

/**
 * One tick of the job: rebuild if the stored rows are of another version or year; mark the units whose
 * figures the clock changed since the last tick; recompute every marked unit.
 */
export async function runFigureJob(deps: FigureDeps): Promise<{ rebuilt: boolean; refreshed: number }> {
  const now = deps.clock.now();
  const stamp = await repo.readState<FiguresStamp>(deps.db, 'figures');
  const current = versionStamp();
  if (
    !stamp ||
    stamp.version !== current.version ||
    stamp.columns !== current.columns ||
    stamp.year !== vnYear(now)
  ) {
    await rebuildFigures(deps);
    return { rebuilt: true, refreshed: 0 };
  }
  await deps.db.transaction(async (tx) => {
    const last = await repo.readState<{ at: string }>(tx, 'crossings');
    const from = last ? new Date(last.at) : now;
    if (from < now) {
      await repo.markCrossings(tx, {
        from,
        to: now,
        overdueDays: deps.overdueDays,
        fromDay: vnDay(from),
        toDay: vnDay(now),
      });
    }
    await repo.writeState(tx, 'crossings', { at: now.toISOString() });
  });
  let refreshed = 0;
  for (;;) {
    const r = await refreshMarked(deps, { withinPath: null });
    refreshed += r.refreshed;
    if (r.busy || !r.deferred) break;
  }
  return { rebuilt: false, refreshed };
}
