/**
 * The yearly report on the work of Regulation 213 (Art. 5, Guide 33 §5): each commune committee and each
 * workplace committee reports to the committee directly above it, which follows who has reported and
 * consolidates. One transition table; the server changes a report's state only through it.
 *
 *   draft ─submit→ submitted ─receive→ received
 *   (save)            │ return (with a reason)
 *           returned ←┘  (save) ─submit→ submitted
 *
 * Saving keeps the status: a returned report stays "returned" (its reason visible) until it is sent again.
 */

export const yearlyReportStatuses = ['draft', 'submitted', 'received', 'returned'] as const;
export type YearlyReportStatus = (typeof yearlyReportStatuses)[number];

export const yearlyReportActions = ['save', 'submit', 'receive', 'return'] as const;
export type YearlyReportAction = (typeof yearlyReportActions)[number];

/** The committee that writes the report, or the superior committee it goes to. */
export type YearlyReportSide = 'preparer' | 'superior';

export interface YearlyReportTransition {
  action: YearlyReportAction;
  side: YearlyReportSide;
  from: readonly YearlyReportStatus[];
  /** null: the status stays as it is */
  to: YearlyReportStatus | null;
}

export const yearlyReportTransitions: readonly YearlyReportTransition[] = [
  // The figures are refreshed from the data and the texts written while the report is with its committee.
  { action: 'save', side: 'preparer', from: ['draft', 'returned'], to: null },
  // On submission the figures are frozen as they stand that moment.
  { action: 'submit', side: 'preparer', from: ['draft', 'returned'], to: 'submitted' },
  { action: 'receive', side: 'superior', from: ['submitted'], to: 'received' },
  { action: 'return', side: 'superior', from: ['submitted'], to: 'returned' },
];

export function yearlyReportTransition(action: YearlyReportAction): YearlyReportTransition {
  return yearlyReportTransitions.find((t) => t.action === action)!;
}

export function canYearlyReport(action: YearlyReportAction, status: YearlyReportStatus): boolean {
  return yearlyReportTransition(action).from.includes(status);
}

/** Statuses in which the report is with the superior (it counts as reported). */
export const reportedStatuses = ['submitted', 'received'] as const satisfies readonly YearlyReportStatus[];

/** Actions the side may take on a report in `status` (the UI shows only these). */
export function yearlyReportActionsFor(
  side: YearlyReportSide,
  status: YearlyReportStatus,
): YearlyReportAction[] {
  return yearlyReportTransitions
    .filter((t) => t.side === side && t.from.includes(status))
    .map((t) => t.action);
}

/** Committees that report upward, and the committees that can be their superior (the nearest one above). */
export const reportingUnitTypes = [
  'commune_committee',
  'workplace_committee',
  'bloc_committee',
  'district_committee',
] as const;
export const superiorUnitTypes = [
  'province_committee',
  'bloc_committee',
  'district_committee',
  'commune_committee',
] as const;

/** Where a reporting committee stands for the superior: not started, being written, reported, sent back; late past the deadline. */
export type SubmissionState = 'not_started' | YearlyReportStatus;

export function isLate(status: SubmissionState, deadline: string | null, today: string): boolean {
  if (!deadline || status === 'submitted' || status === 'received') return false;
  return today > deadline;
}
