import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import {
  evaluationsSearchSchema,
  workplaceSearchSchema,
} from '../../features/evaluations/components/shared/evaluations-search';
import {
  dashboardSearchSchema,
  drillSearchSchema,
  yearlySearchSchema,
} from '../../features/reports/components/drill/drill-search';
import { paths } from '../paths';
import { authedRoute } from './root-routes';

/** The yearly evaluation and the reports upward. */
const evaluationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.evaluations,
  validateSearch: evaluationsSearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/evaluations/components/list/evaluations-page'),
    'EvaluationsPage',
  ),
});
const evaluationsWorkplaceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.evaluationsWorkplace,
  validateSearch: workplaceSearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/evaluations/components/workplace/workplace-page'),
    'WorkplacePage',
  ),
});
/** Notifications of delivered comments point at the review: the workplace page's first tab. */
const evaluationsReviewRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.evaluationsReview,
  beforeLoad: () => {
    throw redirect({ to: paths.evaluationsWorkplace, search: { tab: 'review' } });
  },
});
const evaluationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.evaluation,
  component: lazyRouteComponent(
    () => import('../../features/evaluations/components/evaluation/evaluation-page'),
    'EvaluationPage',
  ),
});
const myEvaluationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.myEvaluation,
  component: lazyRouteComponent(
    () => import('../../features/evaluations/components/member/my-evaluation-page'),
    'MyEvaluationPage',
  ),
});

// The picture upward (Art. 5): loaded on first visit, so the charts never weigh on the other pages.
const reportsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.reports,
  validateSearch: dashboardSearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/reports/components/dashboard/dashboard-page'),
    'DashboardPage',
  ),
});
const reportsListRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.reportsList,
  validateSearch: drillSearchSchema,
  component: lazyRouteComponent(() => import('../../features/reports/components/drill/drill-page'), 'DrillPage'),
});
const yearlyReportsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.yearlyReports,
  validateSearch: yearlySearchSchema,
  component: lazyRouteComponent(
    () => import('../../features/reports/components/yearly/yearly-reports-page'),
    'YearlyReportsPage',
  ),
});
const yearlyReportRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.yearlyReport,
  component: lazyRouteComponent(
    () => import('../../features/reports/components/yearly/yearly-report-page'),
    'YearlyReportPage',
  ),
});

export const evaluationAndReportRoutes = [
  evaluationsRoute,
  evaluationsWorkplaceRoute,
  evaluationsReviewRoute,
  evaluationRoute,
  myEvaluationRoute,
  reportsRoute,
  reportsListRoute,
  yearlyReportsRoute,
  yearlyReportRoute,
] as const;
