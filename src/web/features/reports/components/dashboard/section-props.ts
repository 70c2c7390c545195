import type { Dashboard } from '../../../../../shared/contracts/reports';
import type { ReportSide } from '../../../../../shared/rules/report-figures';
import type { PagedQuery } from '../../../../components/ui/load-more';

/** What every section of the dashboard is drawn from. */
export interface SectionProps {
  pages: Dashboard[];
  side: ReportSide;
  year: number;
  /** null: the whole year */
  half: 1 | 2 | null;
  query: PagedQuery;
}
