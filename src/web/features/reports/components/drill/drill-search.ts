import { reportSides } from '../../../../../shared/rules/report-sides';
import { enumParam, intParam, uuidParam, yearParam, z } from '../../../../lib/search-params';

/** The list behind a number keeps its figure, unit, side and period in the URL, so a link opens the same rows. */
export const drillSearchSchema = z.object({
  figure: z.catch(z.string().check(z.maxLength(140)), 'workingMembers'),
  side: z.catch(z.enum(reportSides), 'residence'),
  unitId: uuidParam(),
  year: yearParam(),
  half: intParam(1, 2),
  scope: enumParam(['tree', 'own']),
});

export const dashboardSearchSchema = z.object({
  unitId: uuidParam(),
  year: yearParam(),
  half: intParam(1, 2),
  side: enumParam(reportSides),
  section: enumParam(['coverage', 'cellLife', 'evaluation', 'trend']),
});
export type DashboardSearch = z.infer<typeof dashboardSearchSchema>;

export const yearlySearchSchema = z.object({
  tab: enumParam(['mine', 'incoming']),
  year: yearParam(),
  unitId: uuidParam(),
  /** from the home page: the committees whose report is to receive, late, or not submitted yet */
  state: enumParam(['submitted', 'late', 'pending']),
});
