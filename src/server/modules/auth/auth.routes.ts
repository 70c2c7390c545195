import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  authPaths,
  changePasswordBodySchema,
  loginBodySchema,
  meSchema,
  setLocaleBodySchema,
} from '../../../shared/contracts/auth';
import { errorResponseSchema, okSchema } from '../../../shared/contracts/common';
import type { AppContext } from '../../context';
import { registerMessages } from '../../i18n/messages';
import { authDeps, clearSessionCookie, setDeviceCookie, setSessionCookie } from '../../http/session';
import { accountSecurityRoutes, withRetryAfter } from './account-security.routes';
import { authMessages } from './auth.messages';
import * as auth from './auth.service';
import { DEVICE_COOKIE } from './device-cookie';

registerMessages(authMessages);

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = authDeps(ctx);
    app.post(
      authPaths.login,
      {
        // Login protection per address + login name and per account lives in the service (login-throttle.ts),
        // after the body is read and in the database, so it holds across servers.
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Log in with username, email, phone or Party card number',
          body: loginBodySchema,
          response: { 200: meSchema, 401: errorResponseSchema, 429: errorResponseSchema },
        },
      },
      async (request, reply) => {
        const result = await withRetryAfter(reply, () =>
          auth.login(deps, request.body, {
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            requestId: request.id,
            deviceCookie: request.cookies[DEVICE_COOKIE],
          }),
        );
        setSessionCookie(ctx, reply, result.token, result.expiresAt);
        setDeviceCookie(ctx, reply, result.deviceCookie);
        return auth.describeMe(deps, result.actor);
      },
    );

    app.post(
      authPaths.logout,
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Log out', response: { 200: okSchema } },
      },
      async (request, reply) => {
        if (request.actor) await auth.logout(deps, request.actor);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.get(
      authPaths.me,
      {
        config: { partialSession: true },
        schema: {
          tags: ['auth'],
          summary: 'The logged-in user, roles, units and CSRF token',
          response: { 200: meSchema },
        },
      },
      async (request) => auth.describeMe(deps, request.actor!),
    );

    app.post(
      authPaths.changePassword,
      {
        schema: {
          tags: ['auth'],
          summary: 'Change own password',
          body: changePasswordBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await auth.changePassword(deps, request.actor!, request.body);
        return { ok: true as const };
      },
    );

    app.put(
      authPaths.locale,
      {
        config: { partialSession: true },
        schema: {
          tags: ['auth'],
          summary: 'Remember the UI language',
          body: setLocaleBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await auth.setLocale(deps, request.actor!, request.body.locale);
        return { ok: true as const };
      },
    );

    await app.register(accountSecurityRoutes(ctx));
  };
}
