import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import { resolveSession } from '../modules/auth/auth.service';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from '../modules/auth/device-cookie';
import { assertSessionStep } from '../modules/auth/session-gate';
import { createSessionCache, resolveSessionCached } from '../modules/auth/session-cache';
import { Forbidden, Unauthorized } from './errors';

export const SESSION_COOKIE = 'rl_session';
const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function authDeps(ctx: AppContext) {
  return {
    db: ctx.db,
    now: () => ctx.clock.now(),
    sessionSecret: ctx.config.sessionSecret,
    sessionTtlHours: ctx.config.sessionTtlHours,
    loginAttemptsPerMinute: ctx.config.loginRateLimitPerMinute,
    publicUrl: ctx.config.publicUrl,
  };
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The login protection's device cookie (modules/auth/device-cookie.ts): only the login route reads it. */
export function setDeviceCookie(ctx: AppContext, reply: FastifyReply, value: string) {
  reply.setCookie(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    path: '/api/auth/login',
    maxAge: DEVICE_COOKIE_DAYS * 86400,
  });
}

/**
 * Every /api request: resolve the session cookie to an actor. Routes are private unless `config.public`;
 * cookie-authenticated mutations must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  // reads may reuse a session resolved a moment ago (modules/auth/session-cache.ts, decision 0015)
  const cache = createSessionCache({ ttlMs: (ctx.config.sessionCacheSeconds ?? 0) * 1000 });
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const meta = { ip: request.ip, requestId: request.id, mutation: MUTATIONS.has(request.method) };
      const resolve = () => resolveSession(authDeps(ctx), token, { ip: meta.ip, requestId: meta.requestId });
      request.actor = await resolveSessionCached(cache, resolve, token, meta, ctx.clock.now());
      if (!request.actor) clearSessionCookie(reply);
    }
    // Unknown routes fall through to the not-found handler (404), whoever asks.
    if (request.routeOptions.config.public || request.is404) return;
    if (!request.actor) throw new Unauthorized();
    if (MUTATIONS.has(request.method) && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      throw new Forbidden('csrf_failed');
    }
    // A second factor, a new password or an authenticator still to come: only /api/auth until then.
    assertSessionStep(request.actor, request.url, request.routeOptions.config.partialSession === true);
  });
  // A mutation may have changed a session, a grant or an account: forget every cached session before the
  // answer leaves, so the client's next request is resolved afresh.
  app.addHook('onSend', async (request) => {
    if (MUTATIONS.has(request.method)) cache.clear();
  });
}
