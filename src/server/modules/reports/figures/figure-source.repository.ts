import { sql, type SQL } from 'drizzle-orm';
import { isActiveUnit } from '../../../db/sql-values';
import type { DrillKind, FigureKey, ReportSide } from '../../../../shared/rules/report-figures';

/**
 * A figure source: one base relation (FROM … WHERE with fixed aliases), the unit each row counts under on
 * each side (its anchor), the year and half-year a row belongs to, and one predicate per figure. The same
 * definition gives the number (count(*) filter (where …), grouped by anchor) and the list behind it
 * (where …, anchor under the unit), so the two cannot disagree. See decision 0008.
 */
export interface FigureContext {
  /** the years kept (the current one and the two before) */
  years: readonly number[];
  now: Date;
  /** today on Vietnam's calendar, yyyy-mm-dd */
  today: string;
  /** letters issued before this moment and not yet received are overdue */
  overdueBefore: Date;
  /** Art. 4.3: regular meetings a cell must hold in each half of each year (the rule set in force at its end) */
  requiredMeetings: { year: number; half1: number; half2: number }[];
}

/**
 * A count of the rows that satisfy the predicate, a sum of a value over them, or — for rows that are not
 * dated within a half-year (a cell's year) — one predicate per half-year.
 */
export type Measure = SQL | { when: SQL; sum: SQL } | { byHalf: (half: 1 | 2) => SQL };

export interface SourceSide {
  /** the org unit a row counts under */
  anchor: SQL;
  /** an index-friendly condition that keeps the rows whose anchor may be one of `units` (a uuid[] expression: `col = any(units)` ORed stays a bitmap index scan, where `col in (subquery)` ORed becomes a full scan) */
  touches: (units: SQL) => SQL;
}

export interface FigureSource {
  name: string;
  drill: DrillKind;
  sides: Partial<Record<ReportSide, SourceSide>>;
  /** common table expressions the FROM needs (the statement puts them first) */
  with?: SQL;
  /** FROM, JOINs and the base WHERE (aliases are the drill kind's) */
  from: (ctx: FigureContext) => SQL;
  /** the calendar year of a row; null for the state now (stored as year 0) */
  year: SQL | null;
  /** the half-year of a row (1 or 2), for half-year figures */
  half?: SQL;
  figures: (ctx: FigureContext) => Partial<Record<FigureKey, Measure>>;
  /** keys (text[]) of the rule-set breakdowns a row counts in (`r:…`, `o:…`, `c:…`, `x:…`) */
  breakdown?: SQL;
}

export const STATE_YEAR = 0;

/** The residential cell of an area: members not yet placed count under it, so a commune sees where they live. */
export function areaCell(areaColumn: SQL): SQL {
  return sql`(select ac.id from org_units ac where ac.residential_area_id = ${areaColumn} and ac.type = 'residential_cell'
    order by (${isActiveUnit(sql`ac.status`)}) desc, ac.id limit 1)`;
}

/** Where a member counts on the residence side: their residential cell, else their area's cell, else their commune. */
export function residenceAnchor(alias: string): SQL {
  const a = sql.raw(alias);
  return sql`coalesce(${a}.residence_cell_id, ${areaCell(sql`${a}.residence_area_id`)}, ${a}.residence_commune_id)`;
}

/** Rows of members (alias) whose residence anchor may be one of `units`. */
export function residenceTouches(alias: string, units: SQL): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.residence_cell_id = any(${units}) or ${a}.residence_commune_id = any(${units})
    or ${a}.residence_area_id = any(array(select tu.residential_area_id from org_units tu where tu.id = any(${units}) and tu.residential_area_id is not null)))`;
}

/** The predicate of a measure, for a half-year when it has one per half (null: any half). */
export function measureWhen(m: Measure, half: 1 | 2 | null): SQL {
  if ('byHalf' in m) return half ? m.byHalf(half) : sql`(${m.byHalf(1)} or ${m.byHalf(2)})`;
  return 'when' in m ? m.when : m;
}
