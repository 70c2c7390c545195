import type {
  Dashboard,
  DashboardQuery,
  DashboardRow,
  SideValues,
  UnitRef,
} from '../../../shared/contracts/reports';
import { figureColumns } from '../../../shared/rules/report-columns';
import { reportFigures, reportSides } from '../../../shared/rules/report-figures';
import { halfYearState, vnYear } from '../../../shared/rules/vietnam-calendar';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';
import { reachesReportPath, reportReach } from '../../http/access';
import { Invalid, NotFound } from '../../http/errors';
import * as repo from './dashboard.repository';
import { countDirty } from './figures/figures.repository';
import { refreshMarked, YEARS_KEPT, type FigureDeps } from './figures/figures.service';

/**
 * One page for every committee officer and administrator (Art. 5): the figures of a unit's subtree and of
 * each child unit, for a year or half-year, with the trend over three years. Starts at the actor's highest
 * unit (the whole country for an administrator); a unit outside the actor's reach is "not found".
 */

const CHILDREN_PAGE = 200;
/** A page view recomputes at most this many marked units itself; a bigger backlog is the job's. */
const INLINE_REFRESH_UNITS = 400;

export interface ReportScope {
  /** null: the whole country */
  unit: repo.UnitRow | null;
}

/** The unit asked for (checked against the reach), else the actor's highest unit; 404 outside or without any. */
export async function resolveScope(
  deps: FigureDeps,
  actor: Actor,
  unitId: string | undefined,
): Promise<ReportScope> {
  if (unitId) {
    const unit = await repo.findUnit(deps.db, unitId);
    if (!unit || !reachesReportPath(actor, unit.path)) throw new NotFound('unit_not_found');
    return { unit };
  }
  if (isAdmin(actor)) return { unit: null };
  const top = [...grantsWith(actor, 'committee_officer')].sort(
    (a, b) => a.unitPath!.split('.').length - b.unitPath!.split('.').length,
  )[0];
  if (!top) throw new NotFound('reports_no_unit');
  const unit = await repo.findUnit(deps.db, top.unitId!);
  if (!unit) throw new NotFound('unit_not_found');
  return { unit };
}

export function keptYears(now: Date): number[] {
  const y = vnYear(now);
  return Array.from({ length: YEARS_KEPT }, (_, i) => y - i);
}

export function checkYear(now: Date, year: number | undefined): number {
  const years = keptYears(now);
  const y = year ?? years[0]!;
  if (!years.includes(y))
    throw new Invalid(
      'report_year_out_of_range',
      { year: 'report.yearOutOfRange' },
      { from: years[years.length - 1], to: years[0] },
    );
  return y;
}

const empty = (): SideValues => ({
  residence: {},
  workplace: {},
  breakdown: { residence: {}, workplace: {} },
});

/** State columns from the year-0 row, the others from the year's row; rows of several units add up. */
export function sideValues(rows: repo.FigureRow[], year: number): SideValues {
  const out = empty();
  for (const side of reportSides) {
    const values: Record<string, number> = {};
    for (const c of figureColumns) values[c.column] = 0;
    const breakdown: Record<string, number> = {};
    for (const r of rows) {
      if (r.side !== side || (r.year !== 0 && r.year !== year)) continue;
      for (const c of figureColumns) {
        const isState = reportFigures[c.key].period === 'state';
        if ((r.year === 0) === isState) values[c.column]! += r.values[c.column] ?? 0;
      }
      if (r.year === year)
        for (const [k, n] of Object.entries(r.breakdown)) breakdown[k] = (breakdown[k] ?? 0) + n;
    }
    out[side] = values;
    out.breakdown[side] = breakdown;
  }
  return out;
}

function isEmpty(v: SideValues): boolean {
  return reportSides.every(
    (s) => Object.values(v[s]).every((n) => n === 0) && Object.keys(v.breakdown[s]).length === 0,
  );
}

function ref(u: repo.UnitRow): UnitRef {
  return { id: u.id, name: u.name, type: u.type };
}

function decodeAfter(cursor: string | undefined): { name: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    return typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)
      ? { name, id }
      : null;
  } catch {
    return null;
  }
}

/** Recompute what is marked under the scope, then say how many units still wait (shown as "updating"). */
export async function freshen(deps: FigureDeps, scope: ReportScope): Promise<number> {
  const within = scope.unit?.path ?? null;
  await refreshMarked(deps, { withinPath: within, maxUnits: INLINE_REFRESH_UNITS });
  return countDirty(deps.db, within);
}

/** One unit's subtree figures for a year as they stand now (marks refreshed first): the counts a drill list stands behind. */
export async function subtreeFigures(deps: FigureDeps, actor: Actor, unitId: string, year: number): Promise<SideValues> {
  const scope = await resolveScope(deps, actor, unitId);
  await freshen(deps, scope);
  return sideValues(await repo.figureRows(deps.db, [scope.unit!.id], 'tree', [0, year]), year);
}

export async function getDashboard(
  deps: FigureDeps,
  actor: Actor,
  query: DashboardQuery,
): Promise<Dashboard> {
  const now = deps.clock.now();
  const year = checkYear(now, query.year);
  const scope = await resolveScope(deps, actor, query.unitId);
  const pending = await freshen(deps, scope);
  const years = keptYears(now);
  const unit = scope.unit;

  const children = await repo.childUnits(
    deps.db,
    unit?.id ?? null,
    decodeAfter(query.cursor),
    CHILDREN_PAGE + 1,
  );
  const page = children.slice(0, CHILDREN_PAGE);
  const last = page[page.length - 1];
  const roots = unit ? [unit.id] : (await repo.childUnits(deps.db, null, null, 10_000)).map((u) => u.id);
  const [treeRows, childRows, ownRows] = await Promise.all([
    repo.figureRows(deps.db, roots, 'tree', [0, ...years]),
    repo.figureRows(
      deps.db,
      page.map((c) => c.id),
      'tree',
      [0, year],
    ),
    unit ? repo.figureRows(deps.db, [unit.id], 'own', [0, year]) : Promise.resolve([]),
  ]);
  const own = sideValues(ownRows, year);
  const asOf = [...treeRows, ...childRows].reduce<string | null>(
    (max, r) => (max && max > r.refreshedAt ? max : r.refreshedAt),
    null,
  );

  return {
    unit: unit ? ref(unit) : null,
    breadcrumbs: unit ? await breadcrumbs(deps, actor, unit) : [],
    roots: await rootsOf(deps, actor),
    year,
    half: query.half ?? null,
    halves: ([1, 2] as const).map((half) => ({ half, state: halfYearState({ year, half }, now) })),
    years,
    ruleSetCode: await repo.ruleSetCodeForYear(deps.db, year),
    asOf,
    pending,
    total: sideValues(treeRows, year),
    own: isEmpty(own) ? null : own,
    children: page.map((c): DashboardRow => ({
      unitId: c.id,
      unitName: c.name,
      unitType: c.type,
      active: c.status === 'active',
      hasChildren: c.hasChildren,
      ...sideValues(
        childRows.filter((r) => r.unitId === c.id),
        year,
      ),
    })),
    nextCursor:
      children.length > CHILDREN_PAGE && last
        ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url')
        : null,
    trend: [...years].reverse().map((y) => {
      const v = sideValues(treeRows, y);
      return { year: y, residence: v.residence, workplace: v.workplace };
    }),
  };
}

/** From the top of the actor's reach down to the unit's parent. */
async function breadcrumbs(deps: FigureDeps, actor: Actor, unit: repo.UnitRow): Promise<UnitRef[]> {
  const ancestors = await repo.ancestorsOf(deps.db, unit.path);
  return ancestors.filter((a) => reachesReportPath(actor, a.path)).map(ref);
}

async function rootsOf(deps: FigureDeps, actor: Actor): Promise<UnitRef[]> {
  const reach = reportReach(actor);
  if (reach === null) return [];
  return (await repo.unitsByPaths(deps.db, reach)).map(ref);
}
