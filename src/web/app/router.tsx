import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQueryKey, meQueryOptions } from '../features/auth/api/get-me';
import { LoginPage } from '../features/auth/components/login-page';
import { memberSearchSchema } from '../features/members/api/member-search';
import { hubSearchSchema } from '../features/introductions/components/shared/hub-search';
import {
  checkInSearchSchema,
  complianceSearchSchema,
  meetingSearchSchema,
  meetingsSearchSchema,
} from '../features/meetings/components/meetings-search';
import { topicsSearchSchema, warningsSearchSchema } from '../features/cell-life/components/cell-life-search';
import {
  evaluationsSearchSchema,
  workplaceSearchSchema,
} from '../features/evaluations/components/shared/evaluations-search';
import {
  dashboardSearchSchema,
  drillSearchSchema,
  yearlySearchSchema,
} from '../features/reports/components/drill/drill-search';
import { ErrorState } from '../components/ui/query-state';
import { setUnauthorizedHandler } from '../lib/api-client';
import { loadAllNamespaces } from '../lib/i18n';
import { textParam, z } from '../lib/search-params';
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
  validateSearch: z.object({ redirect: textParam(2000) }),
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    // a session still owing its second factor stays here: the page asks the code
    if (me && me.security.pending !== 'second_factor') throw redirect({ to: paths.home });
  },
  component: LoginPage,
});

/** Public: forgotten password and the mailed one-time link (decision 0013). */
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.forgotPassword,
  component: lazyRouteComponent(
    () => import('../features/auth/components/forgot-password-page'),
    'ForgotPasswordPage',
  ),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.resetPassword,
  validateSearch: z.object({ token: textParam(200) }),
  component: lazyRouteComponent(
    () => import('../features/auth/components/reset-password-page'),
    'ResetPasswordPage',
  ),
});

/** Before the app, without its shell: the forced new password, then enrolling an authenticator. */
const accountSetupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.accountSetup,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me || me.security.pending === 'second_factor') throw redirect({ to: paths.login });
    if (me.security.pending === 'none') throw redirect({ to: paths.home });
  },
  component: lazyRouteComponent(
    () => import('../features/auth/components/account-setup-page'),
    'AccountSetupPage',
  ),
});

/** Public: anyone holding a printed letter may check it (no session, no app shell). */
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.verify,
  // the words of every page arrive with the page's code, not after it
  loader: () => loadAllNamespaces(),
  component: lazyRouteComponent(
    () => import('../features/introductions/components/verify/verify-page'),
    'VerifyPage',
  ),
});

/** Everything below needs a session. */
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me || me.security.pending === 'second_factor')
      throw redirect({ to: paths.login, search: { redirect: location.href } });
    // the server answers nothing else until then (password_change_required, second_factor_required)
    if (me.security.pending !== 'none') throw redirect({ to: paths.accountSetup });
  },
  loader: () => loadAllNamespaces(),
  component: lazyRouteComponent(() => import('./layout'), 'AppLayout'),
});

const homeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.home,
  component: lazyRouteComponent(() => import('../features/home/components/home-page'), 'HomePage'),
});
const orgTreeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.orgTree,
  component: lazyRouteComponent(
    () => import('../features/org-units/components/org-tree-page'),
    'OrgTreePage',
  ),
});
const unitRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.unit,
  component: lazyRouteComponent(() => import('../features/org-units/components/unit-page'), 'UnitPage'),
});
const membersRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.members,
  validateSearch: memberSearchSchema,
  component: lazyRouteComponent(() => import('../features/members/components/members-page'), 'MembersPage'),
});
const memberRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.member,
  component: lazyRouteComponent(() => import('../features/members/components/member-page'), 'MemberPage'),
});
const importRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.import,
  component: lazyRouteComponent(() => import('../features/imports/components/import-page'), 'ImportPage'),
});
const accountsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.accounts,
  component: lazyRouteComponent(
    () => import('../features/accounts/components/accounts-page'),
    'AccountsPage',
  ),
});
const notificationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.notifications,
  component: lazyRouteComponent(
    () => import('../features/notifications/components/notifications-page'),
    'NotificationsPage',
  ),
});
const changePasswordRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.changePassword,
  component: lazyRouteComponent(
    () => import('../features/auth/components/change-password-page'),
    'ChangePasswordPage',
  ),
});

const accountSecurityRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.accountSecurity,
  component: lazyRouteComponent(
    () => import('../features/auth/components/account-security-page'),
    'AccountSecurityPage',
  ),
});

const myDataRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.myData,
  component: lazyRouteComponent(() => import('../features/privacy/components/my-data-page'), 'MyDataPage'),
});

const introductionsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.introductions,
  validateSearch: hubSearchSchema,
  component: lazyRouteComponent(
    () => import('../features/introductions/components/workplace/workplace-hub-page'),
    'WorkplaceHubPage',
  ),
});
const introductionsInboxRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.introductionsInbox,
  validateSearch: hubSearchSchema,
  component: lazyRouteComponent(
    () => import('../features/introductions/components/commune/commune-hub-page'),
    'CommuneHubPage',
  ),
});
const introductionsCellRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.introductionsCell,
  validateSearch: hubSearchSchema,
  component: lazyRouteComponent(
    () => import('../features/introductions/components/cell/cell-page'),
    'CellPage',
  ),
});
const letterRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.letter,
  component: lazyRouteComponent(
    () => import('../features/introductions/components/letter/letter-page'),
    'LetterPage',
  ),
});
const myResidenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.myResidence,
  component: lazyRouteComponent(
    () => import('../features/introductions/components/member/my-residence-page'),
    'MyResidencePage',
  ),
});

// Residential cell life (Art. 4.3): meetings, attendance, minutes, compliance.
const meetingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meetings,
  validateSearch: meetingsSearchSchema,
  component: lazyRouteComponent(
    () => import('../features/meetings/components/meetings-page'),
    'MeetingsPage',
  ),
});
const meetingsComplianceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meetingsCompliance,
  validateSearch: complianceSearchSchema,
  component: lazyRouteComponent(
    () => import('../features/meetings/components/compliance-page'),
    'CompliancePage',
  ),
});
const meetingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meeting,
  validateSearch: meetingSearchSchema,
  component: lazyRouteComponent(() => import('../features/meetings/components/meeting-page'), 'MeetingPage'),
});
/** The QR at a meeting leads here; without a session the login page brings the member back (search kept). */
const meetingCheckInRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.meetingCheckIn,
  validateSearch: checkInSearchSchema,
  component: lazyRouteComponent(() => import('../features/meetings/components/check-in-page'), 'CheckInPage'),
});

// Cell life beyond meetings: local campaigns (Art. 2.6), warnings (Art. 4.4), topics the commune directs (Art. 4.3).
const activitiesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.activities,
  component: lazyRouteComponent(
    () => import('../features/cell-life/components/activities-page'),
    'ActivitiesPage',
  ),
});
const activityRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.activity,
  component: lazyRouteComponent(
    () => import('../features/cell-life/components/activity-page'),
    'ActivityPage',
  ),
});
const warningsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.warnings,
  validateSearch: warningsSearchSchema,
  component: lazyRouteComponent(
    () => import('../features/cell-life/components/warnings-page'),
    'WarningsPage',
  ),
});
const topicsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.topics,
  validateSearch: topicsSearchSchema,
  component: lazyRouteComponent(() => import('../features/cell-life/components/topics-page'), 'TopicsPage'),
});

// The yearly residence evaluation (Art. 3.4, 4.4, 4.5): residence side, workplace side, one form, the member.
const evaluationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.evaluations,
  validateSearch: evaluationsSearchSchema,
  component: lazyRouteComponent(
    () => import('../features/evaluations/components/list/evaluations-page'),
    'EvaluationsPage',
  ),
});
const evaluationsWorkplaceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.evaluationsWorkplace,
  validateSearch: workplaceSearchSchema,
  component: lazyRouteComponent(
    () => import('../features/evaluations/components/workplace/workplace-page'),
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
    () => import('../features/evaluations/components/evaluation/evaluation-page'),
    'EvaluationPage',
  ),
});
const myEvaluationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.myEvaluation,
  component: lazyRouteComponent(
    () => import('../features/evaluations/components/member/my-evaluation-page'),
    'MyEvaluationPage',
  ),
});

// The picture upward (Art. 5): loaded on first visit, so the charts never weigh on the other pages.
const reportsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.reports,
  validateSearch: dashboardSearchSchema,
  component: lazyRouteComponent(
    () => import('../features/reports/components/dashboard/dashboard-page'),
    'DashboardPage',
  ),
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
  component: lazyRouteComponent(
    () => import('../features/reports/components/yearly/yearly-reports-page'),
    'YearlyReportsPage',
  ),
});
const yearlyReportRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: paths.yearlyReport,
  component: lazyRouteComponent(
    () => import('../features/reports/components/yearly/yearly-report-page'),
    'YearlyReportPage',
  ),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  accountSetupRoute,
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
    accountSecurityRoute,
    myDataRoute,
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
