import {
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/get-me';
import { LoginPage } from '../../features/auth/components/login-page';
import { loadAllNamespaces } from '../../lib/i18n';
import { textParam, z } from '../../lib/search-params';
import { NotFoundPage } from '../not-found-page';
import { paths } from '../paths';

/** The root, the public pages (no session, no app shell) and the session gate everything else sits under. */
export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
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
    () => import('../../features/auth/components/forgot-password-page'),
    'ForgotPasswordPage',
  ),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.resetPassword,
  validateSearch: z.object({ token: textParam(200) }),
  component: lazyRouteComponent(
    () => import('../../features/auth/components/reset-password-page'),
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
    () => import('../../features/auth/components/account-setup-page'),
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
    () => import('../../features/introductions/components/verify/verify-page'),
    'VerifyPage',
  ),
});

/** Everything below needs a session. */
export const authedRoute = createRoute({
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
  component: lazyRouteComponent(() => import('../layout'), 'AppLayout'),
});

export const publicRoutes = [
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  accountSetupRoute,
  verifyRoute,
] as const;
