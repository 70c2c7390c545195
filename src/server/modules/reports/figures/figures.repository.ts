import { sql, type SQL } from 'drizzle-orm';
import { figureColumns } from '../../../../shared/rules/report-columns';
import { reportSides, type ReportSide } from '../../../../shared/rules/report-figures';
import { queryRows, type Executor } from '../../../db/client';
import { figureColumnSql } from '../../../db/schema/reports';
import { isValue, literal, oneOf, uuidList } from '../../../db/sql-values';
import { residenceOpenStatuses } from '../../../../shared/rules/evaluation';
import type { LetterStatus } from '../../../../shared/rules/introduction-letter';
import { measureWhen, STATE_YEAR, type FigureContext, type FigureSource } from './figure-source.repository';
import { figureSources } from './figure-sources';

/**
 * The refresh of the dashboards' summary (decision 0008), as set-based statements in the caller's
 * transaction: own rows of the units being refreshed (one pass per source and side into a temp table, then
 * one merge), then tree rows bottom-up (a unit's tree = its own rows + its children's tree rows).
 */

const RF = sql`array(select id from report_refresh_units)`;
const columnNames = figureColumns.map((c) => sql.raw(figureColumnSql(c.column)));
const columnList = sql.join(columnNames, sql`, `);

/** Serialises refreshes across processes and servers: the summary is only consistent if one writes at a time. */
const REFRESH_LOCK = 213_0008;

export async function tryRefreshLock(tx: Executor): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(${REFRESH_LOCK}) as ok`,
  );
  return row!.ok;
}

export async function waitRefreshLock(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
}

export interface DirtyClaim {
  ids: number[];
  unitIds: string[];
}

/** Marks waiting under a subtree (or anywhere): how many distinct units. */
export async function countDirty(db: Executor, withinPath: string | null): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    withinPath
      ? sql`select count(distinct d.unit_id)::int as n from report_dirty d join org_units u on u.id = d.unit_id where u.path <@ ${withinPath}::ltree`
      : sql`select count(distinct unit_id)::int as n from report_dirty`,
  );
  return row!.n;
}

/** The marks to process (at most `limit` of them, oldest first), under a subtree or anywhere. */
export async function claimDirty(
  tx: Executor,
  withinPath: string | null,
  limit: number,
): Promise<DirtyClaim> {
  // The oldest `limit` marks choose the units; every visible mark of those units up to the newest chosen one is
  // claimed with them (a busy unit gathers a mark per statement: one recompute covers them all).
  const first = withinPath
    ? sql`select d.id, d.unit_id from report_dirty d join org_units u on u.id = d.unit_id
          where u.path <@ ${withinPath}::ltree order by d.id limit ${limit}`
    : sql`select id, unit_id from report_dirty order by id limit ${limit}`;
  const rows = await queryRows<{ id: number; unitId: string }>(
    tx,
    sql`with first as (${first})
        select d.id::int8 as id, d.unit_id as "unitId" from report_dirty d
        where d.unit_id = any(array(select distinct unit_id from first)) and d.id <= (select max(id) from first)`,
  );
  return { ids: rows.map((r) => Number(r.id)), unitIds: [...new Set(rows.map((r) => r.unitId))] };
}

export async function deleteDirty(tx: Executor, ids: number[]): Promise<void> {
  if (ids.length)
    await tx.execute(sql`delete from report_dirty where id = any(${`{${ids.join(',')}}`}::int8[])`);
}

/** Marks that point at units which no longer exist (or never did) are dropped by the claim's join; this removes them. */
export async function deleteDirtyOrphans(tx: Executor): Promise<void> {
  await tx.execute(
    sql`delete from report_dirty d where not exists (select 1 from org_units u where u.id = d.unit_id)`,
  );
}

async function createWorkTables(tx: Executor): Promise<void> {
  await tx.execute(
    sql`create temp table if not exists report_refresh_units (id uuid primary key) on commit drop`,
  );
  await tx.execute(
    sql`create temp table if not exists report_refresh_rows (like report_figures including defaults) on commit drop`,
  );
  await tx.execute(
    sql`create temp table if not exists report_refresh_tree (id uuid primary key, depth int not null) on commit drop`,
  );
  await tx.execute(sql`truncate report_refresh_units, report_refresh_rows, report_refresh_tree`);
}

/** Recompute the own rows of `unitIds`, or of every unit when null (the full rebuild). */
export async function recomputeOwnRows(
  tx: Executor,
  ctx: FigureContext,
  unitIds: string[] | null,
  onSource?: (name: string) => void,
): Promise<void> {
  await createWorkTables(tx);
  if (unitIds) {
    await tx.execute(
      sql`insert into report_refresh_units (id) select distinct unnest(${uuidList(unitIds)}) on conflict do nothing`,
    );
    await tx.execute(sql`delete from report_figures where scope = 'own' and unit_id = any(${RF})`);
  } else {
    await tx.execute(sql`delete from report_figures`);
  }
  for (const source of figureSources) {
    const sides = reportSides.filter((side) => source.sides[side]);
    // a full rebuild reads a source that is aggregated more than once (two sides, a breakdown) only once, into a stage table
    const staged = unitIds === null && (sides.length > 1 || source.breakdown !== undefined);
    if (staged) await tx.execute(stageRows(source, ctx));
    for (const side of sides) {
      const rows = (reading: Reading) =>
        staged ? stagedRows(side) : liveRows(source, side, ctx, unitIds !== null, reading);
      await tx.execute(
        partialRows(source, ctx, {
          side,
          restricted: unitIds !== null,
          rows: rows('measures'),
          with: staged ? undefined : source.with,
        }),
      );
      if (source.breakdown)
        await tx.execute(
          breakdownRows(side, unitIds !== null, staged ? undefined : source.with, rows('keys')),
        );
    }
    if (staged) await tx.execute(sql`drop table report_stage`);
    onSource?.(source.name);
  }
  const sums = figureColumns.map((c) =>
    c.unit
      ? sql`sum(${sql.raw(figureColumnSql(c.column))})`
      : sql`sum(${sql.raw(figureColumnSql(c.column))})::int`,
  );
  await tx.execute(sql`insert into report_figures (unit_id, scope, side, year, ${columnList}, breakdown, refreshed_at)
    select unit_id, 'own', side, year, ${sql.join(sums, sql`, `)}, report_breakdown_sum(breakdown), ${ctx.now.toISOString()}::timestamptz
    from report_refresh_rows group by unit_id, side, year`);
  await tx.execute(sql`truncate report_refresh_rows`);
}

/** Each row's measures (p<i>: does it count, v<i>: the value a sum adds), the targets' columns and their aggregates. */
function measures(source: FigureSource, ctx: FigureContext): { inner: SQL[]; outer: SQL[]; targets: SQL[] } {
  const figures = source.figures(ctx);
  const inner: SQL[] = [];
  const outer: SQL[] = [];
  const targets: SQL[] = [];
  figureColumns.forEach((col, i) => {
    const m = figures[col.key];
    if (!m) return;
    const p = sql.raw(`p${i}`);
    inner.push(sql`(${measureWhen(m, col.half)}) as ${p}`);
    // a half-year column of a source whose rows are dated: the row's own half-year decides
    const when =
      col.half && source.half && !('byHalf' in m) ? sql`x.${p} and x.half = ${col.half}` : sql`x.${p}`;
    if ('sum' in m) {
      const v = sql.raw(`v${i}`);
      inner.push(sql`(${m.sum}) as ${v}`);
      outer.push(sql`coalesce(sum(x.${v}) filter (where ${when}), 0)`);
    } else {
      outer.push(sql`count(*) filter (where ${when})`);
    }
    targets.push(sql.raw(figureColumnSql(col.column)));
  });
  return { inner, outer, targets };
}

type Reading = 'measures' | 'keys' | 'both';

/** The columns a reading of a source's rows needs: year, half-year, and the measures or breakdown keys or both. */
function rowColumns(source: FigureSource, ctx: FigureContext, reading: Reading): SQL {
  const columns = [
    sql`${source.year ?? sql`${STATE_YEAR}`}::int as year`,
    sql`${source.half ?? sql`null::int`} as half`,
  ];
  if (reading !== 'keys') columns.push(...measures(source, ctx).inner);
  if (reading !== 'measures') columns.push(sql`${source.breakdown ?? sql`'{}'::text[]`} as keys`);
  return sql.join(columns, sql`, `);
}

/** The rows of one source for one side, read from the tables (the restricted refresh keeps the touched ones). */
function liveRows(
  source: FigureSource,
  side: ReportSide,
  ctx: FigureContext,
  restricted: boolean,
  reading: Reading,
): SQL {
  const s = source.sides[side]!;
  return sql`(select ${s.anchor} as unit_id, ${rowColumns(source, ctx, reading)}
    from ${source.from(ctx)} ${restricted ? sql`and ${s.touches(RF)}` : sql``}) x`;
}

/** All rows of a source once, with each side's anchor as a column (full rebuild). */
function stageRows(source: FigureSource, ctx: FigureContext): SQL {
  const anchors = reportSides
    .filter((side) => source.sides[side])
    .map((side) => sql`${source.sides[side]!.anchor} as ${sql.raw(`u_${side}`)}`);
  return sql`create temp table report_stage on commit drop as
    ${source.with ? sql`with ${source.with}` : sql``}
    select ${sql.join(anchors, sql`, `)}, ${rowColumns(source, ctx, 'both')} from ${source.from(ctx)}`;
}

function stagedRows(side: ReportSide): SQL {
  return sql`(select s.${sql.raw(`u_${side}`)} as unit_id, s.* from report_stage s) x`;
}

/** One source and side: rows grouped by anchor unit and year, one column per figure the source defines. */
function partialRows(
  source: FigureSource,
  ctx: FigureContext,
  {
    side,
    restricted,
    rows,
    with: withClause,
  }: { side: ReportSide; restricted: boolean; rows: SQL; with?: SQL },
): SQL {
  const { outer, targets } = measures(source, ctx);
  const where = [sql`x.unit_id is not null`];
  if (restricted) where.push(sql`x.unit_id = any(${RF})`);
  if (source.year) where.push(sql`x.year = any(${`{${ctx.years.join(',')}}`}::int[])`);
  return sql`${withClause ? sql`with ${withClause}` : sql``}
    insert into report_refresh_rows (unit_id, scope, side, year, ${sql.join(targets, sql`, `)})
    select x.unit_id, 'own', ${literal(side)}, x.year, ${sql.join(outer, sql`, `)}
    from ${rows}
    where ${sql.join(where, sql` and `)}
    group by x.unit_id, x.year`;
}

/** The rule-set-keyed breakdown of one source and side: {key: count} per anchor unit and year. */
function breakdownRows(side: ReportSide, restricted: boolean, withClause: SQL | undefined, rows: SQL): SQL {
  const where = [sql`x.unit_id is not null`];
  if (restricted) where.push(sql`x.unit_id = any(${RF})`);
  return sql`${withClause ? sql`with ${withClause}` : sql``}
    insert into report_refresh_rows (unit_id, scope, side, year, breakdown)
    select unit_id, 'own', ${literal(side)}, year, jsonb_object_agg(k, n)
    from (select x.unit_id, x.year, k, count(*) as n
          from ${rows}
          cross join lateral unnest(x.keys) k
          where ${sql.join(where, sql` and `)}
          group by 1, 2, 3) y
    group by unit_id, year`;
}

/** The units whose tree rows change: the refreshed units and all their ancestors (or every unit). */
export async function collectTreeUnits(tx: Executor, all: boolean): Promise<{ depths: number[] }> {
  if (all)
    await tx.execute(sql`insert into report_refresh_tree (id, depth) select id, nlevel(path) from org_units`);
  else
    await tx.execute(sql`insert into report_refresh_tree (id, depth)
      select distinct a.id, nlevel(a.path) from org_units d join org_units a on a.path @> d.path where d.id = any(${RF})
      on conflict do nothing`);
  const rows = await queryRows<{ depth: number }>(
    tx,
    sql`select distinct depth from report_refresh_tree order by depth desc`,
  );
  return { depths: rows.map((r) => r.depth) };
}

/** Tree rows of the collected units at one depth: own rows plus the children's tree rows (deepest first). */
export async function recomputeTreeLevel(tx: Executor, depth: number, now: Date): Promise<void> {
  await tx.execute(
    sql`delete from report_figures f using report_refresh_tree t where t.depth = ${depth} and f.unit_id = t.id and f.scope = 'tree'`,
  );
  const sums = figureColumns.map((c) =>
    c.unit
      ? sql`sum(x.${sql.raw(figureColumnSql(c.column))})`
      : sql`sum(x.${sql.raw(figureColumnSql(c.column))})::int`,
  );
  await tx.execute(sql`insert into report_figures (unit_id, scope, side, year, ${columnList}, breakdown, refreshed_at)
    select t.id, 'tree', x.side, x.year, ${sql.join(sums, sql`, `)}, report_breakdown_sum(x.breakdown), ${now.toISOString()}::timestamptz
    from report_refresh_tree t
    cross join lateral (
      select f.* from report_figures f where f.unit_id = t.id and f.scope = 'own'
      union all
      select f.* from org_units c join report_figures f on f.unit_id = c.id and f.scope = 'tree' where c.parent_id = t.id) x
    where t.depth = ${depth}
    group by t.id, x.side, x.year`);
}

// ── bookkeeping ───────────────────────────────────────────────────────────────

export async function readState<T>(db: Executor, key: string): Promise<T | null> {
  const [row] = await queryRows<{ value: T }>(db, sql`select value from report_state where key = ${key}`);
  return row?.value ?? null;
}

export async function writeState(db: Executor, key: string, value: unknown): Promise<void> {
  await db.execute(sql`insert into report_state (key, value, updated_at) values (${key}, ${JSON.stringify(value)}::jsonb, now())
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);
}

/** Units whose time-dependent figures changed between two moments without any write (letters falling overdue, forms passing their due date). */
export async function markCrossings(
  tx: Executor,
  p: { from: Date; to: Date; overdueDays: number; fromDay: string; toDay: string },
): Promise<number> {
  const shift = (d: Date) => new Date(d.getTime() - p.overdueDays * 86_400_000).toISOString();
  const letters = await queryRows<{ n: number }>(
    tx,
    sql`with crossed as (
          select l.member_id from introduction_letters l
          where ${isValue(sql`l.status`, 'issued' satisfies LetterStatus)} and l.issued_at >= ${shift(p.from)}::timestamptz and l.issued_at < ${shift(p.to)}::timestamptz)
        select count(*)::int as n from (select report_mark('member', array(select distinct member_id from crossed))) x`,
  );
  const forms = await queryRows<{ n: number }>(
    tx,
    sql`with crossed as (
          select e.id from evaluations e
          where ${oneOf(sql`e.status`, residenceOpenStatuses)} and e.due_date >= ${p.fromDay}::date and e.due_date < ${p.toDay}::date)
        select count(*)::int as n from (select report_mark('evaluation', array(select id from crossed))) x`,
  );
  return (letters[0]?.n ?? 0) + (forms[0]?.n ?? 0);
}
