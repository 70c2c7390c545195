import { z } from 'zod';
import { breakdownKeyPattern, drillKinds, figureKeys, reportSides } from '../rules/report-figures';
import { yearlyReportActions, yearlyReportStatuses } from '../rules/yearly-report';
import { isoDateSchema, optionalText, pageQuerySchema } from './common';
import { unitTypeSchema } from './org-units';

/** Dashboards, the lists behind their figures and the yearly report upward (Art. 5, Guide 33). */

export const reportPaths = {
  dashboard: '/api/reports/dashboard',
  dashboardXlsx: '/api/reports/dashboard.xlsx',
  drill: '/api/reports/list',
  drillXlsx: '/api/reports/list.xlsx',
  rebuild: '/api/reports/rebuild',
  yearly: '/api/reports/yearly',
  yearlyOne: (id: string) => `/api/reports/yearly/${id}`,
  yearlyStep: (id: string, action: 'submit' | 'receive' | 'return') => `/api/reports/yearly/${id}/${action}`,
  yearlyPdf: (id: string) => `/api/reports/yearly/${id}/report.pdf`,
  yearlyDocx: (id: string) => `/api/reports/yearly/${id}/report.docx`,
  yearlyXlsx: (id: string) => `/api/reports/yearly/${id}/annex.xlsx`,
  submissions: '/api/reports/submissions',
  deadline: '/api/reports/deadline',
  consolidatedPdf: '/api/reports/consolidated.pdf',
  consolidatedDocx: '/api/reports/consolidated.docx',
  consolidatedXlsx: '/api/reports/consolidated.xlsx',
} as const;

const yearSchema = z.coerce.number().int().min(2020).max(2100);
const halfSchema = z.coerce.number().int().min(1).max(2);
export const reportSideSchema = z.enum(reportSides);
export const figureKeySchema = z.enum(figureKeys as [string, ...string[]]);

// ── dashboards ───────────────────────────────────────────────────────────────

export const dashboardQuerySchema = z.object({
  /** the unit to look at; without it, the actor's highest unit (national for an administrator) */
  unitId: z.uuid().optional(),
  year: yearSchema.optional(),
  half: halfSchema.optional(),
  /** next page of child units */
  cursor: z.string().max(500).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** Stored columns (a half-year figure has `…H1` and `…H2`), state and year merged. */
export const figureValuesSchema = z.record(z.string(), z.number());
export type FigureValues = z.infer<typeof figureValuesSchema>;

export const sideValuesSchema = z.object({
  residence: figureValuesSchema,
  workplace: figureValuesSchema,
  /** rule-set-keyed breakdowns per side (`r:criterion:level`, `o:tone`, `c:level`, `x:level:tone`) */
  breakdown: z.object({
    residence: z.record(z.string(), z.number()),
    workplace: z.record(z.string(), z.number()),
  }),
});
export type SideValues = z.infer<typeof sideValuesSchema>;

export const unitRefSchema = z.object({ id: z.uuid(), name: z.string(), type: unitTypeSchema });
export type UnitRef = z.infer<typeof unitRefSchema>;

export const dashboardRowSchema = sideValuesSchema.extend({
  unitId: z.uuid(),
  unitName: z.string(),
  unitType: unitTypeSchema,
  active: z.boolean(),
  hasChildren: z.boolean(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

export const dashboardSchema = z.object({
  /** null: the whole country (administrators) */
  unit: unitRefSchema.nullable(),
  /** from the top of the actor's reach down to the unit's parent */
  breadcrumbs: z.array(unitRefSchema),
  /** other units the actor can start from (several grants) */
  roots: z.array(unitRefSchema),
  year: z.number().int(),
  half: z.number().int().nullable(),
  halves: z.array(z.object({ half: z.number().int(), state: z.enum(['ended', 'current', 'future']) })),
  years: z.array(z.number().int()),
  ruleSetCode: z.string(),
  /** when the figures were last recomputed, and units still waiting to be (busy at the year-end peak) */
  asOf: z.string().nullable(),
  pending: z.number().int(),
  total: sideValuesSchema,
  /** counted at the unit itself, in no child unit (e.g. members not yet placed, living in no known area) */
  own: sideValuesSchema.nullable(),
  children: z.array(dashboardRowSchema),
  nextCursor: z.string().nullable(),
  trend: z.array(
    z.object({ year: z.number().int(), residence: figureValuesSchema, workplace: figureValuesSchema }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const rebuildResultSchema = z.object({ ok: z.literal(true), seconds: z.number() });

// ── the lists behind the figures ────────────────────────────────────────────

/** A figure key of the catalogue, or a breakdown key. */
export const drillFigureSchema = z
  .string()
  .max(140)
  .refine((v) => (figureKeys as string[]).includes(v) || breakdownKeyPattern.test(v), 'field.invalidOption');

export const drillQuerySchema = pageQuerySchema.extend({
  /** without it: the whole country (administrators) */
  unitId: z.uuid().optional(),
  figure: drillFigureSchema,
  side: reportSideSchema,
  year: yearSchema.optional(),
  half: halfSchema.optional(),
  /** `own`: only what counts at the unit itself, not in its child units */
  scope: z.enum(['tree', 'own']).default('tree'),
  q: z.string().trim().max(100).optional(),
});
export type DrillQuery = z.infer<typeof drillQuerySchema>;

export const drillKindSchema = z.enum(drillKinds);
export const drillValueSchema = z.union([z.string(), z.number(), z.null()]);
export const drillRowSchema = z.object({
  id: z.string(),
  /** where a click goes: a member, letter, meeting, evaluation, activity or unit page */
  link: z
    .object({ kind: z.enum(['member', 'letter', 'meeting', 'evaluation', 'activity', 'unit']), id: z.uuid() })
    .nullable(),
  values: z.record(z.string(), drillValueSchema),
});
export type DrillRow = z.infer<typeof drillRowSchema>;

export const drillListSchema = z.object({
  kind: drillKindSchema,
  columns: z.array(z.string()),
  unit: unitRefSchema.nullable(),
  year: z.number().int(),
  half: z.number().int().nullable(),
  /** the rule set of the year: the words of a ratings breakdown key */
  ruleSetCode: z.string(),
  /** the figure as the dashboard shows it, so the list can be checked against it */
  figureValue: z.number().nullable(),
  items: z.array(drillRowSchema),
  nextCursor: z.string().nullable(),
});
export type DrillList = z.infer<typeof drillListSchema>;

// ── the yearly report upward ────────────────────────────────────────────────

export const yearlyReportStatusSchema = z.enum(yearlyReportStatuses);
export const yearlyReportActionSchema = z.enum(yearlyReportActions);

export const yearlyReportTextsSchema = z.object({
  results: optionalText(20_000),
  problems: optionalText(20_000),
  proposals: optionalText(20_000),
  commendations: optionalText(20_000),
  signerName: optionalText(120),
  signerPosition: z.enum(['secretary', 'deputy_secretary']).nullish(),
});

export const startYearlyReportBodySchema = z.object({ unitId: z.uuid(), year: yearSchema });
export const saveYearlyReportBodySchema = yearlyReportTextsSchema.extend({
  /** take the figures again from the data */
  refreshFigures: z.boolean().default(false),
  /** the version the editor started from: a save over someone else's newer one is refused */
  updatedAt: z.string().max(40),
});
export const returnYearlyReportBodySchema = z.object({
  reason: z.string().trim().min(10, 'report.reasonTooShort').max(2000),
});

export const snapshotRowSchema = sideValuesSchema.extend({ unitId: z.uuid(), unitName: z.string() });
export const yearlyReportSchema = z.object({
  id: z.uuid(),
  unit: unitRefSchema,
  superior: unitRefSchema,
  year: z.number().int(),
  status: yearlyReportStatusSchema,
  number: z.string().nullable(),
  deadline: isoDateSchema.nullable(),
  late: z.boolean(),
  figures: z.object({ total: snapshotRowSchema, children: z.array(snapshotRowSchema), own: snapshotRowSchema.nullish() }),
  figuresAt: z.string(),
  results: z.string().nullable(),
  problems: z.string().nullable(),
  proposals: z.string().nullable(),
  commendations: z.string().nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.enum(['secretary', 'deputy_secretary']).nullable(),
  submittedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  updatedAt: z.string(),
  /** what the actor may do now (from the transition table) */
  allowedActions: z.array(yearlyReportActionSchema),
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type YearlyReport = z.infer<typeof yearlyReportSchema>;

export const yearlyReportListQuerySchema = z.object({ year: yearSchema.optional() });
export const yearlyReportListSchema = z.object({
  year: z.number().int(),
  /** committees the actor writes reports for, and their report of the year if started */
  items: z.array(
    z.object({
      unit: unitRefSchema,
      superior: unitRefSchema.nullable(),
      report: yearlyReportSchema.omit({ figures: true, history: true }).nullable(),
      deadline: isoDateSchema.nullable(),
    }),
  ),
});

export const submissionsQuerySchema = z.object({ unitId: z.uuid().optional(), year: yearSchema.optional() });
export const submissionsSchema = z.object({
  superior: unitRefSchema,
  year: z.number().int(),
  deadline: z.object({ dueDate: isoDateSchema, note: z.string().nullable() }).nullable(),
  /** superiors the actor can read (several grants) */
  superiors: z.array(unitRefSchema),
  counts: z.object({
    expected: z.number().int(),
    submitted: z.number().int(),
    received: z.number().int(),
    returned: z.number().int(),
    late: z.number().int(),
    notStarted: z.number().int(),
  }),
  items: z.array(
    z.object({
      unit: unitRefSchema,
      state: z.enum(['not_started', ...yearlyReportStatuses]),
      late: z.boolean(),
      reportId: z.uuid().nullable(),
      number: z.string().nullable(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export type Submissions = z.infer<typeof submissionsSchema>;

export const deadlineBodySchema = z.object({
  unitId: z.uuid(),
  year: yearSchema,
  dueDate: isoDateSchema,
  note: optionalText(500),
});
export const consolidatedQuerySchema = z.object({ unitId: z.uuid(), year: yearSchema });
