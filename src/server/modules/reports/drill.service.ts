import { sql, type SQL } from 'drizzle-orm';
import type { DrillList, DrillQuery } from '../../../shared/contracts/reports';
import { figureColumns } from '../../../shared/rules/report-columns';
import { breakdownKind, reportFigures, type FigureKey } from '../../../shared/rules/report-figures';
import type { Actor } from '../../http/actor';
import { Invalid } from '../../http/errors';
import * as dashboardRepo from './dashboard.repository';
import { checkYear, freshen, resolveScope, sideValues, type ReportScope } from './dashboard.service';
import { drillKindDefinitions, drillRows, oneUnit, subtreeUnits } from './drill.repository';
import { measureWhen, type FigureSource } from './figures/figure-source.repository';
import { breakdownSource, sourceOf } from './figures/figure-sources';
import { figureContext, type FigureDeps } from './figures/figures.service';

/**
 * The list behind a number (every figure on the dashboards is a link): the rows of the figure's own source,
 * filtered by the figure's own predicate, counted under the same unit and period, so the list has as many
 * rows as the number says.
 */

interface ResolvedFigure {
  source: FigureSource;
  predicate: SQL;
  period: SQL[];
}

function resolveFigure(
  query: DrillQuery,
  year: number,
  ctx: Awaited<ReturnType<typeof figureContext>>,
): ResolvedFigure {
  const kind = breakdownKind(query.figure);
  if (kind) {
    const source = breakdownSource(kind);
    // the list of a breakdown key is the rows whose keys hold it: the definition the count used
    return {
      source,
      predicate: sql`(${source.breakdown!}) @> array[${query.figure}]::text[]`,
      period: [sql`${source.year!} = ${year}`],
    };
  }
  const key = query.figure as FigureKey;
  const source = sourceOf(key);
  const measure = source.figures(ctx)[key]!;
  const def = reportFigures[key];
  const half = def.period === 'half' ? ((query.half ?? null) as 1 | 2 | null) : null;
  if ('byHalf' in measure && half === null)
    throw new Invalid('report_half_required', { half: 'report.halfRequired' });
  const period: SQL[] = [];
  if (source.year) period.push(sql`${source.year} = ${year}`);
  if (half !== null && source.half && !('byHalf' in measure)) period.push(sql`${source.half} = ${half}`);
  return { source, predicate: measureWhen(measure, half), period };
}

function decodeKeys(cursor: string | undefined): string[] | null {
  if (!cursor) return null;
  try {
    const keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(keys) && keys.every((k) => typeof k === 'string') ? (keys as string[]) : null;
  } catch {
    return null;
  }
}

/** The number the dashboard shows for this figure, unit, side and period. */
async function figureValue(
  deps: FigureDeps,
  scope: ReportScope,
  query: DrillQuery,
  year: number,
): Promise<number | null> {
  const ids = scope.unit
    ? [scope.unit.id]
    : (await dashboardRepo.childUnits(deps.db, null, null, 10_000)).map((u) => u.id);
  const rows = await dashboardRepo.figureRows(
    deps.db,
    ids,
    query.scope === 'own' && scope.unit ? 'own' : 'tree',
    [0, year],
  );
  const values = sideValues(rows, year);
  if (breakdownKind(query.figure)) return values.breakdown[query.side][query.figure] ?? 0;
  const key = query.figure as FigureKey;
  const columns = figureColumns.filter(
    (c) => c.key === key && (query.half === undefined || c.half === null || c.half === query.half),
  );
  return columns.reduce((sum, c) => sum + (values[query.side][c.column] ?? 0), 0);
}

export async function drillList(deps: FigureDeps, actor: Actor, query: DrillQuery): Promise<DrillList> {
  const year = checkYear(deps.clock.now(), query.year);
  const scope = await resolveScope(deps, actor, query.unitId);
  await freshen(deps, scope);
  const ctx = await figureContext(deps);
  const figure = resolveFigure(query, year, ctx);
  const side = figure.source.sides[query.side];
  if (!side) throw new Invalid('report_side_not_counted', { side: 'report.sideNotCounted' });
  const kind = drillKindDefinitions[figure.source.drill];
  const units = scope.unit
    ? query.scope === 'own'
      ? oneUnit(scope.unit.id)
      : subtreeUnits(scope.unit.path)
    : null;
  const rows = await drillRows(deps.db, {
    source: figure.source,
    ctx,
    anchor: side.anchor,
    touches: side.touches,
    predicate: figure.predicate,
    units,
    year,
    period: figure.period,
    q: query.q,
    after: decodeKeys(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    kind: figure.source.drill,
    columns: kind.columns,
    unit: scope.unit ? { id: scope.unit.id, name: scope.unit.name, type: scope.unit.type } : null,
    year,
    half: query.half ?? null,
    ruleSetCode: await dashboardRepo.ruleSetCodeForYear(deps.db, year),
    figureValue: await figureValue(deps, scope, query, year),
    items: page.map((r) => ({
      id: r.id,
      link: r.linkId && kind.linkKind ? { kind: kind.linkKind, id: r.linkId } : null,
      values: Object.fromEntries(kind.columns.map((c, i) => [c, r.values[i] ?? null])),
    })),
    nextCursor:
      rows.length > query.limit && last ? Buffer.from(JSON.stringify(last.keys)).toString('base64url') : null,
  };
}
