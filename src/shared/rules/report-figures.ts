/**
 * The figures superior committees follow (Art. 5, Guide 33): what each one counts, over which period and
 * from which side, and which list stands behind it. The server counts them (modules/reports) from one
 * SQL definition per figure, used both for the number and for its list, so a number can always be checked.
 *
 * Sides: the **residence** side counts under where members live (residential cell, else the commune of
 * residence); the **workplace** side under the member's party cell at work. A province holds both.
 * Periods: `state` is now (members, letters, open items), `year` a calendar year (Vietnam), `half` a
 * half-year of it (Art. 4.3).
 */

import { reportSides, type ReportSide } from './report-sides';
export { reportSides, type ReportSide };

export const figureSections = ['coverage', 'cellLife', 'evaluation'] as const;
export type FigureSection = (typeof figureSections)[number];

export type FigurePeriod = 'state' | 'year' | 'half';

/** The kind of list behind a figure (each has its own columns). */
export const drillKinds = [
  'members',
  'letters',
  'requests',
  'cells',
  'meetings',
  'attendance',
  'alerts',
  'warnings',
  'activities',
  'contributions',
  'evaluations',
  'disputes',
] as const;
export type DrillKind = (typeof drillKinds)[number];

export interface FigureDefinition {
  section: FigureSection;
  period: FigurePeriod;
  sides: readonly ReportSide[];
  drill: DrillKind;
  /** a sum rather than a count (work days, money) */
  unit?: 'days' | 'vnd';
}

const both = reportSides;
const residence = ['residence'] as const;

export const reportFigures = {
  // ── introductions and coverage (Art. 3.1, 4.1, 4.2), now ──
  workingMembers: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  categoryActive: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  categoryExempt: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  categoryNotIntroduced: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  stageNotIntroduced: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  stageDraft: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  stageAwaitingReceipt: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  stageAwaitingPlacement: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  stageAwaitingAcknowledgement: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  stagePlaced: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  stageRejected: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  stageNotToIntroduce: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  lettersOverdue: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  placedInCell: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  notPlaced: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  livesAway: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  noResidenceKnown: { section: 'coverage', period: 'state', sides: both, drill: 'members' },
  requestsOpen: { section: 'coverage', period: 'state', sides: both, drill: 'requests' },
  // letters in a year (trend)
  lettersIssued: { section: 'coverage', period: 'year', sides: both, drill: 'letters' },
  lettersPlaced: { section: 'coverage', period: 'year', sides: both, drill: 'letters' },
  lettersRejected: { section: 'coverage', period: 'year', sides: both, drill: 'letters' },

  // ── cell life (Art. 4.3, 4.4, 2.6) ──
  cellsTotal: { section: 'cellLife', period: 'state', sides: residence, drill: 'cells' },
  cellsMet: { section: 'cellLife', period: 'half', sides: residence, drill: 'cells' },
  cellsNotMet: { section: 'cellLife', period: 'half', sides: residence, drill: 'cells' },
  cellsMetBoth: { section: 'cellLife', period: 'year', sides: residence, drill: 'cells' },
  meetingsHeld: { section: 'cellLife', period: 'half', sides: residence, drill: 'meetings' },
  meetingsExtraordinary: { section: 'cellLife', period: 'half', sides: residence, drill: 'meetings' },
  meetingsCancelled: { section: 'cellLife', period: 'half', sides: residence, drill: 'meetings' },
  attPresent: { section: 'cellLife', period: 'half', sides: both, drill: 'attendance' },
  attLate: { section: 'cellLife', period: 'half', sides: both, drill: 'attendance' },
  attExcused: { section: 'cellLife', period: 'half', sides: both, drill: 'attendance' },
  attUnexcused: { section: 'cellLife', period: 'half', sides: both, drill: 'attendance' },
  attExempt: { section: 'cellLife', period: 'half', sides: both, drill: 'attendance' },
  attUnrecorded: { section: 'cellLife', period: 'half', sides: both, drill: 'attendance' },
  absenceNotices: { section: 'cellLife', period: 'year', sides: both, drill: 'alerts' },
  warningsOpen: { section: 'cellLife', period: 'state', sides: both, drill: 'warnings' },
  warningsEscalated: { section: 'cellLife', period: 'state', sides: both, drill: 'warnings' },
  warningsIssued: { section: 'cellLife', period: 'year', sides: both, drill: 'warnings' },
  activities: { section: 'cellLife', period: 'year', sides: residence, drill: 'activities' },
  contributions: { section: 'cellLife', period: 'year', sides: both, drill: 'contributions' },
  contributionDays: {
    section: 'cellLife',
    period: 'year',
    sides: both,
    drill: 'contributions',
    unit: 'days',
  },
  contributionMoney: {
    section: 'cellLife',
    period: 'year',
    sides: both,
    drill: 'contributions',
    unit: 'vnd',
  },

  // ── the yearly evaluation (Art. 3.4, 3.5, 4.4, 4.5) ──
  evTotal: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evRequested: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evDrafted: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evReturned: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evSigned: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evDelivered: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evReleased: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evDisputed: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evOverdue: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evSelfReported: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evFlagged: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evFlagsRaised: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evFlagsJustified: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evContradicts: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  evOnDemand: { section: 'evaluation', period: 'year', sides: both, drill: 'evaluations' },
  noComment: { section: 'evaluation', period: 'year', sides: both, drill: 'members' },
  disputesOpened: { section: 'evaluation', period: 'year', sides: both, drill: 'disputes' },
  disputesOpen: { section: 'evaluation', period: 'year', sides: both, drill: 'disputes' },
  disputesUpheld: { section: 'evaluation', period: 'year', sides: both, drill: 'disputes' },
  disputesRevised: { section: 'evaluation', period: 'year', sides: both, drill: 'disputes' },
} as const satisfies Record<string, FigureDefinition>;

export type FigureKey = keyof typeof reportFigures;
export const figureKeys = Object.keys(reportFigures) as FigureKey[];

export function figureDefinition(key: FigureKey): FigureDefinition {
  return reportFigures[key];
}

/**
 * Breakdowns with keys that come from the rule set (criteria and levels are data): `r:<criterion>:<level>`
 * ratings of confirmed comments, `o:<tone>` their overall tone, `c:<level>` the workplace classification,
 * `x:<level>:<tone>` the classification against the residence comment. All are yearly and drill to lists.
 */
export const breakdownKeyPattern =
  /^(r:[a-z][a-z0-9_]{0,60}:[a-z][a-z0-9_]{0,60}|o:(positive|neutral|negative)|c:[a-z][a-z0-9_]{0,60}|x:[a-z][a-z0-9_]{0,60}:(positive|neutral|negative))$/;
export type BreakdownKind = 'r' | 'o' | 'c' | 'x';

export function breakdownKind(key: string): BreakdownKind | null {
  return breakdownKeyPattern.test(key) ? (key[0] as BreakdownKind) : null;
}

/** The figures a year is summed up by (trend over three years, the yearly report's headline). */
export const headlineFigures = [
  'lettersIssued',
  'lettersPlaced',
  'meetingsHeld',
  'cellsMetBoth',
  'attPresent',
  'attExcused',
  'attUnexcused',
  'evTotal',
  'evDelivered',
  'evReleased',
  'evDisputed',
  'noComment',
  'evContradicts',
] as const satisfies readonly FigureKey[];

export type Figures = Partial<Record<FigureKey, number>>;

/** Share of a part in a whole, in per cent with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** Attendance rate of held meetings: present (late included) over those expected (exempt and unrecorded aside). */
export function attendanceRate(f: Figures): number | null {
  const present = f.attPresent ?? 0;
  return percent(present, present + (f.attExcused ?? 0) + (f.attUnexcused ?? 0));
}

/** Comments confirmed by the commune and delivered to the workplace (delivered, released or disputed). */
export function commentsReceived(f: Figures): number {
  return (f.evDelivered ?? 0) + (f.evReleased ?? 0) + (f.evDisputed ?? 0);
}
