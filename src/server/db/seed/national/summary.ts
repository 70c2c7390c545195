import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../client';

/** The tables the national seed writes, in the order the summary prints them. */
export const SEEDED_TABLES = [
  'org_units',
  'residential_areas',
  'unit_events',
  'members',
  'unit_memberships',
  'introduction_letters',
  'letter_counters',
  'residence_moves',
  'introduction_requests',
  'meetings',
  'meeting_attendances',
  'attendance_alerts',
  'cell_compliance_alerts',
  'member_warnings',
  'activities',
  'activity_contributions',
  'evaluation_cycles',
  'evaluations',
  'evaluation_versions',
  'self_reports',
  'workplace_classifications',
  'evaluation_disputes',
] as const;
export type TableCounts = Record<(typeof SEEDED_TABLES)[number], number>;

/** Rows in every table the seed writes (the whole database, not only this run). */
export async function countTables(db: Db): Promise<TableCounts> {
  const selects = SEEDED_TABLES.map((t) => `select '${t}' as t, count(*)::bigint as n from ${t}`).join(
    ' union all ',
  );
  const rows = await queryRows<{ t: string; n: string | number }>(db, sql.raw(selects));
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)])) as TableCounts;
}

/** A plain-text table for the console: one row per table, then seconds per stage and per province. */
export function formatSummary(result: {
  rows: TableCounts;
  stages: Record<string, number>;
  indexes: { rebuilt: number; seconds: number };
  provinces: { code: string; name: string; skipped: boolean; seconds: number }[];
  seconds: number;
}): string {
  const width = Math.max(...SEEDED_TABLES.map((t) => t.length));
  const line = (k: string, v: string) => `  ${k.padEnd(width)}  ${v.padStart(12)}`;
  const seeded = result.provinces.filter((p) => !p.skipped);
  return [
    'Rows per table',
    ...SEEDED_TABLES.map((t) => line(t, result.rows[t].toLocaleString('en'))),
    'Seconds per stage (this run)',
    ...Object.entries(result.stages).map(([s, v]) => line(s, v.toFixed(1))),
    line(`rebuild ${result.indexes.rebuilt} indexes`, result.indexes.seconds.toFixed(1)),
    `Provinces: ${seeded.length} seeded, ${result.provinces.length - seeded.length} already there; total ${result.seconds.toFixed(1)} s`,
  ].join('\n');
}
