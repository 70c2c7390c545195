import { createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { meQueryKey } from '../features/auth/api/get-me';
import { memberSearchSchema } from '../features/members/api/member-search';
import { ErrorState } from '../components/ui/query-state';
import { setUnauthorizedHandler } from '../lib/api-client';
import { NotFoundPage } from './not-found-page';
import { paths } from './paths';
import { queryClient } from './query-client';
import { authedRoute, publicRoutes, rootRoute } from './routes/root-routes';
import { workRoutes } from './routes/work-routes';
import { evaluationAndReportRoutes } from './routes/evaluation-routes';

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

const routeTree = rootRoute.addChildren([
  ...publicRoutes,
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
    ...workRoutes,
    ...evaluationAndReportRoutes,
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
