import { sql, type SQL } from 'drizzle-orm';
import { figureColumns } from '../../../shared/rules/report-columns';
import type { ReportSide } from '../../../shared/rules/report-figures';
import type { UnitType } from '../../../shared/contracts/org-units';
import type { RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import { queryRows, type Executor } from '../../db/client';
import { figureColumnSql } from '../../db/schema/reports';
import { isActiveUnit, uuidList } from '../../db/sql-values';

/** Reads of the dashboards' summary rows and of the units around them (decision 0008). */

export interface UnitRow {
  id: string;
  name: string;
  type: UnitType;
  path: string;
  parentId: string | null;
  status: string;
}

export async function findUnit(db: Executor, id: string): Promise<UnitRow | undefined> {
  const [u] = await queryRows<UnitRow>(
    db,
    sql`select id, name, type, path::text as path, parent_id as "parentId", status from org_units where id = ${id}`,
  );
  return u;
}

/** The ancestors of a path (root first), the unit itself excluded. */
export async function ancestorsOf(db: Executor, path: string): Promise<UnitRow[]> {
  return queryRows<UnitRow>(
    db,
    sql`select id, name, type, path::text as path, parent_id as "parentId", status from org_units
        where path @> ${path}::ltree and path <> ${path}::ltree order by nlevel(path)`,
  );
}

export async function unitsByPaths(db: Executor, paths: string[]): Promise<UnitRow[]> {
  if (paths.length === 0) return [];
  return queryRows<UnitRow>(
    db,
    sql`select id, name, type, path::text as path, parent_id as "parentId", status from org_units
        where path = any(${`{${paths.join(',')}}`}::ltree[]) order by nlevel(path), name`,
  );
}

export interface ChildRow extends UnitRow {
  hasChildren: boolean;
}

/**
 * A page of child units (the roots when `parentId` is null), by name: the active ones and any that still
 * hold figures (a dissolved cell's meetings still count), so the rows add up to the total.
 */
export async function childUnits(
  db: Executor,
  parentId: string | null,
  after: { name: string; id: string } | null,
  limit: number,
): Promise<ChildRow[]> {
  const parent = parentId ? sql`u.parent_id = ${parentId}` : sql`u.parent_id is null`;
  const keyset = after
    ? sql`and (u.name collate "C", u.id) > (${after.name} collate "C", ${after.id}::uuid)`
    : sql``;
  return queryRows<ChildRow>(
    db,
    sql`select u.id, u.name, u.type, u.path::text as path, u.parent_id as "parentId", u.status,
          exists (select 1 from org_units c where c.parent_id = u.id) as "hasChildren"
        from org_units u
        where ${parent} ${keyset}
          and (${isActiveUnit(sql`u.status`)} or exists (select 1 from report_figures f where f.unit_id = u.id and f.scope = 'tree'))
        order by u.name collate "C", u.id
        limit ${limit}`,
  );
}

export interface FigureRow {
  unitId: string;
  side: ReportSide;
  year: number;
  values: Record<string, number>;
  breakdown: Record<string, number>;
  refreshedAt: string;
}

const valueColumns: SQL = sql.join(
  figureColumns.map((c) => sql`${sql.raw(figureColumnSql(c.column))}::float8 as ${sql.raw(`"${c.column}"`)}`),
  sql`, `,
);

/** Summary rows of units (tree: the whole subtree; own: the unit itself) for the years asked (0 = now). */
export async function figureRows(
  db: Executor,
  unitIds: string[],
  scope: 'tree' | 'own',
  years: number[],
): Promise<FigureRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await queryRows<
    Record<string, unknown> & {
      unitId: string;
      side: ReportSide;
      year: number;
      breakdown: Record<string, number>;
      refreshedAt: string;
    }
  >(
    db,
    sql`select unit_id as "unitId", side, year, breakdown, refreshed_at as "refreshedAt", ${valueColumns}
        from report_figures where unit_id = any(${uuidList(unitIds)}) and scope = ${scope} and year = any(${`{${years.join(',')}}`}::int[])`,
  );
  return rows.map((r) => ({
    unitId: r.unitId,
    side: r.side,
    year: Number(r.year),
    breakdown: r.breakdown,
    refreshedAt: new Date(r.refreshedAt).toISOString(),
    values: Object.fromEntries(figureColumns.map((c) => [c.column, Number(r[c.column] ?? 0)])),
  }));
}

/** The rule set in force in a year (for the labels of the ratings' breakdown). */
export async function ruleSetCodeForYear(db: Executor, year: number): Promise<string> {
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`select code from rule_sets where effective_from <= ${`${year}-12-31`}::date order by effective_from desc, code limit 1`,
  );
  return row?.code ?? 'reg-213-2020';
}

export async function ruleSetDefinition(db: Executor, code: string): Promise<RuleSetDefinition | null> {
  const [row] = await queryRows<{ definition: RuleSetDefinition }>(
    db,
    sql`select definition from rule_sets where code = ${code}`,
  );
  return row?.definition ?? null;
}
