import type { FigureKey } from '../../../../shared/rules/report-figures';
import {
  activitiesSource,
  alertsSource,
  attendanceSource,
  cellsSource,
  cellYearsSource,
  contributionsSource,
  meetingsSource,
  warningsIssuedSource,
  warningsNowSource,
} from './cell-life-figures.repository';
import {
  letterSources,
  memberYearsSource,
  membersSource,
  overdueLettersSource,
  requestsSource,
} from './coverage-figures.repository';
import { disputesSource, evaluationsSource, onDemandSource } from './evaluation-figures.repository';
import type { FigureSource } from './figure-source.repository';

/** Every figure source; each figure of the catalogue is defined by exactly one of them (a test holds this). */
export const figureSources: readonly FigureSource[] = [
  membersSource,
  overdueLettersSource,
  memberYearsSource,
  requestsSource,
  ...letterSources,
  cellsSource,
  cellYearsSource,
  meetingsSource,
  attendanceSource,
  alertsSource,
  warningsNowSource,
  warningsIssuedSource,
  activitiesSource,
  contributionsSource,
  evaluationsSource,
  onDemandSource,
  disputesSource,
];

/**
 * Bump when a definition changes: stored rows of an older version are rebuilt in the background at start.
 * (Adding a figure is a migration too, which changes the columns and so the version on its own.)
 */
export const FIGURES_VERSION = 1;

/** The source that defines a figure. */
export function sourceOf(key: FigureKey): FigureSource {
  const source = figureSources.find((s) => key in s.figures(dummyContext));
  if (!source) throw new Error(`no source defines ${key}`);
  return source;
}

/** The breakdown source for a breakdown key (`c:` classifications are per member and year, the rest per comment). */
export function breakdownSource(kind: 'r' | 'o' | 'c' | 'x'): FigureSource {
  return kind === 'c' ? memberYearsSource : evaluationsSource;
}

const dummyContext = {
  years: [2000],
  now: new Date(0),
  today: '2000-01-01',
  overdueBefore: new Date(0),
  requiredMeetings: [],
};
