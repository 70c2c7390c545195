import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { meQueryKey, meQueryOptions } from '../features/auth/api/get-me';
import { LoginPage } from '../features/auth/components/login-page';
import { ChangePasswordPage } from '../features/auth/components/change-password-page';
import { HomePage } from '../features/home/components/home-page';
import { OrgTreePage } from '../features/org-units/components/org-tree-page';
import { UnitPage } from '../features/org-units/components/unit-page';
import { memberSearchSchema } from '../features/members/api/list-members';
import { MembersPage } from '../features/members/components/members-page';
import { MemberPage } from '../features/members/components/member-page';
import { ImportPage } from '../features/imports/components/import-page';
import { AccountsPage } from '../features/accounts/components/accounts-page';
import { NotificationsPage } from '../features/notifications/components/notifications-page';
import { hubSearchSchema } from '../features/introductions/components/shared/hub-search';
import { WorkplaceHubPage } from '../features/introductions/components/workplace/workplace-hub-page';
import { CommuneHubPage } from '../features/introductions/components/commune/commune-hub-page';
import { CellPage } from '../features/introductions/components/cell/cell-page';
import { LetterPage } from '../features/introductions/components/letter/letter-page';
import { MyResidencePage } from '../features/introductions/components/member/my-residence-page';
import { VerifyPage } from '../features/introductions/components/verify/verify-page';
import {
  checkInSearchSchema,
  complianceSearchSchema,
  meetingSearchSchema,
  meetingsSearchSchema,
} from '../features/meetings/components/meetings-search';
import { MeetingsPage } from '../features/meetings/components/meetings-page';
import { MeetingPage } from '../features/meetings/components/meeting-page';
import { CheckInPage } from '../features/meetings/components/check-in-page';
import { CompliancePage } from '../features/meetings/components/compliance-page';
import { ActivitiesPage } from '../features/cell-life/components/activities-page';
import { ActivityPage } from '../features/cell-life/components/activity-page';
import { topicsSearchSchema, warningsSearchSchema } from '../features/cell-life/components/cell-life-search';
import { TopicsPage } from '../features/cell-life/components/topics-page';
import { WarningsPage } from '../features/cell-life/components/warnings-page';
import {
  evaluationsSearchSchema,
  workplaceSearchSchema,
} from '../features/evaluations/components/shared/evaluations-search';
import { EvaluationsPage } from '../features/evaluations/components/list/evaluations-page';
import { EvaluationPage } from '../features/evaluations/components/evaluation/evaluation-page';
import { WorkplacePage } from '../features/evaluations/components/workplace/workplace-page';
import { MyEvaluationPage } from '../features/evaluations/components/member/my-evaluation-page';
import { dashboardSearchSchema, drillSearchSchema, yearlySearchSchema } from '../features/reports/components/drill/drill-search';
import { ErrorState } from '../components/ui/query-state';
import { setUnauthorizedHandler } from '../lib/api-client';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found-page';
import { paths } from './paths';
import { queryClient } from './query-client';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.login,
  validateSearch: z.object({ redirect: z.string().optional() }),
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ to: paths.home });
  },
  component: LoginPage,
});

/** Public: anyone holding a printed letter may check it (no session, no app shell). */
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.verify,
  component: VerifyPage,
});

/** Everything below needs a session. */
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: paths.login, search: { redirect: location.href } });
  },
  component: AppLayout,
});

const homeRoute = createRoute({ getParentRoute: () => authedRoute, path: paths.home, component: HomePage });
const orgTreeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.orgTree,
  component: OrgTreePage,
});
const unitRoute = createRoute({ getParentRoute: () => authedRoute, path: paths.unit, component: UnitPage });
const membersRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.members,
  validateSearch: memberSearchSchema,
  component: MembersPage,
});
const memberRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.member,
  component: MemberPage,
});
const importRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.import,
  component: ImportPage,
});
const accountsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.accounts,
  component: AccountsPage,
});
const notificationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.notifications,
  component: NotificationsPage,
});
const changePasswordRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.changePassword,
  component: ChangePasswordPage,
});

const introductionsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.introductions,
  validateSearch: hubSearchSchema,
  component: WorkplaceHubPage,
});
const introductionsInboxRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.introductionsInbox,
  validateSearch: hubSearchSchema,
  component: CommuneHubPage,
});
const introductionsCellRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.introductionsCell,
  validateSearch: hubSearchSchema,
  component: CellPage,
});
const letterRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.letter,
  component: LetterPage,
});
const myResidenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.myResidence,
  component: MyResidencePage,
});

// Residential cell life (Art. 4.3): meetings, attendance, minutes, compliance.
const meetingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meetings,
  validateSearch: meetingsSearchSchema,
  component: MeetingsPage,
});
const meetingsComplianceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meetingsCompliance,
  validateSearch: complianceSearchSchema,
  component: CompliancePage,
});
const meetingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meeting,
  validateSearch: meetingSearchSchema,
  component: MeetingPage,
});
/** The QR at a meeting leads here; without a session the login page brings the member back (search kept). */
const meetingCheckInRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meetingCheckIn,
  validateSearch: checkInSearchSchema,
  component: CheckInPage,
});

// Cell life beyond meetings: local campaigns (Art. 2.6), warnings (Art. 4.4), topics the commune directs (Art. 4.3).
const activitiesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.activities,
  component: ActivitiesPage,
});
const activityRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.activity,
  component: ActivityPage,
});
const warningsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.warnings,
  validateSearch: warningsSearchSchema,
  component: WarningsPage,
});
const topicsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.topics,
  validateSearch: topicsSearchSchema,
  component: TopicsPage,
});

// The yearly residence evaluation (Art. 3.4, 4.4, 4.5): residence side, workplace side, one form, the member.
const evaluationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.evaluations,
  validateSearch: evaluationsSearchSchema,
  component: EvaluationsPage,
});
const evaluationsWorkplaceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.evaluationsWorkplace,
  validateSearch: workplaceSearchSchema,
  component: WorkplacePage,
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
  component: EvaluationPage,
});
const myEvaluationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.myEvaluation,
  component: MyEvaluationPage,
});

// The picture upward (Art. 5): loaded on first visit, so the charts never weigh on the other pages.
const reportsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.reports,
  validateSearch: dashboardSearchSchema,
  component: lazyRouteComponent(() => import('../features/reports/components/dashboard/dashboard-page'), 'DashboardPage'),
});
const reportsListRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.reportsList,
  validateSearch: drillSearchSchema,
  component: lazyRouteComponent(() => import('../features/reports/components/drill/drill-page'), 'DrillPage'),
});
const yearlyReportsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.yearlyReports,
  validateSearch: yearlySearchSchema,
  component: lazyRouteComponent(() => import('../features/reports/components/yearly/yearly-reports-page'), 'YearlyReportsPage'),
});
const yearlyReportRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.yearlyReport,
  component: lazyRouteComponent(() => import('../features/reports/components/yearly/yearly-report-page'), 'YearlyReportPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  verifyRoute,
  authedRoute.addChildren([
    homeRoute,
    orgTreeRoute,
    unitRoute,
    membersRoute,
    memberRoute,
    importRoute,
    accountsRoute,
    notificationsRoute,
    changePasswordRoute,
    introductionsRoute,
    introductionsInboxRoute,
    introductionsCellRoute,
    letterRoute,
    myResidenceRoute,
    meetingsRoute,
    meetingsComplianceRoute,
    meetingRoute,
    meetingCheckInRoute,
    activitiesRoute,
    activityRoute,
    warningsRoute,
    topicsRoute,
    evaluationsRoute,
    evaluationsWorkplaceRoute,
    evaluationsReviewRoute,
    evaluationRoute,
    myEvaluationRoute,
    reportsRoute,
    reportsListRoute,
    yearlyReportsRoute,
    yearlyReportRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: false,
  defaultErrorComponent: ({ error, reset }) => <ErrorState error={error} onRetry={reset} />,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// A 401 anywhere means the session ended (expired, logged out elsewhere): back to the login page.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(meQueryKey, null);
  if (router.state.location.pathname !== paths.login) {
    void router.navigate({ to: paths.login, search: { redirect: router.state.location.href } });
  }
});
