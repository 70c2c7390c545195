import {
  bigint,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  index,
} from 'drizzle-orm/pg-core';
import { figureColumns } from '../../../shared/rules/report-columns';
import type { Figures } from '../../../shared/rules/report-figures';
import { users } from './accounts';
import { orgUnits } from './org-units';

export const reportSideEnum = pgEnum('report_side', ['residence', 'workplace']);
/** `own`: counted at the unit itself (its anchor rows); `tree`: its whole subtree, itself included. */
export const reportScopeEnum = pgEnum('report_scope', ['own', 'tree']);

/** The SQL name of a figure column: `meetingsHeldH1` → `meetings_held_h1` (named explicitly, so no tool guesses). */
export function figureColumnSql(column: string): string {
  return column.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

const columns = Object.fromEntries(
  figureColumns.map((c) => {
    const name = figureColumnSql(c.column);
    return [
      c.column,
      c.unit ? doublePrecision(name).notNull().default(0) : integer(name).notNull().default(0),
    ];
  }),
) as Record<(typeof figureColumns)[number]['column'], ReturnType<typeof integer>>;

/**
 * The dashboards' summary (decision 0008): one row per unit, scope, side and year (0 = the state now), with a
 * column per figure of src/shared/rules/report-figures.ts (`…H1`/`…H2` for half-year figures) and the
 * rule-set-keyed breakdowns as JSON. Maintained incrementally: writes mark units dirty (triggers, migration
 * 0009), a job recomputes their own rows and then their ancestors' tree rows bottom-up.
 */
export const reportFigures = pgTable(
  'report_figures',
  {
    unitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    scope: reportScopeEnum().notNull(),
    side: reportSideEnum().notNull(),
    year: integer().notNull(),
    ...columns,
    breakdown: jsonb().$type<Record<string, number>>().notNull().default({}),
    refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.scope, t.side, t.year] })],
);

/** Units whose figures changed since the last refresh; written by triggers, consumed by the refresh. */
export const reportDirty = pgTable('report_dirty', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  unitId: uuid().notNull(),
  markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Bookkeeping of the refresh job: last threshold check, catalogue version of the stored rows. */
export const reportState = pgTable('report_state', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** See src/shared/rules/yearly-report.ts for the transitions between these states. */
export const yearlyReportStatusEnum = pgEnum('yearly_report_status', [
  'draft',
  'submitted',
  'received',
  'returned',
]);

/** Art. 5: a committee's yearly report on the work, to the committee above it. */
export const yearlyReports = pgTable(
  'yearly_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    unitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    superiorUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    status: yearlyReportStatusEnum().notNull().default('draft'),
    /** `N-BC/ĐU`, given on first submission (per committee per year) */
    number: integer(),
    /** the unit's figures (both sides) and those of its child units, as they stood when last refreshed */
    figures: jsonb().$type<ReportSnapshot>().notNull(),
    figuresAt: timestamp({ withTimezone: true }).notNull(),
    results: text(),
    problems: text(),
    proposals: text(),
    commendations: text(),
    signerName: text(),
    signerPosition: text(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: uuid().references(() => users.id),
    receivedAt: timestamp({ withTimezone: true }),
    receivedBy: uuid().references(() => users.id),
    returnedAt: timestamp({ withTimezone: true }),
    returnedBy: uuid().references(() => users.id),
    returnReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('yearly_reports_unit_year').on(t.unitId, t.year),
    index().on(t.superiorUnitId, t.year, t.status),
  ],
);

export interface ReportSnapshotRow {
  unitId: string;
  unitName: string;
  residence: Figures;
  workplace: Figures;
  breakdown: { residence: Record<string, number>; workplace: Record<string, number> };
}
export interface ReportSnapshot {
  total: ReportSnapshotRow;
  children: ReportSnapshotRow[];
  /** counted at the unit itself, in none of its child units (e.g. members living in no known area) */
  own?: ReportSnapshotRow | null;
}

/** The deadline a superior committee sets for the reports of a year. */
export const reportDeadlines = pgTable(
  'report_deadlines',
  {
    superiorUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    dueDate: date().notNull(),
    note: text(),
    setBy: uuid().references(() => users.id),
    setAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.superiorUnitId, t.year] })],
);
