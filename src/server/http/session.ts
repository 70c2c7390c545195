import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import { resolveSession } from '../modules/auth/auth.service';
import { Forbidden, Unauthorized } from './errors';

export const SESSION_COOKIE = 'rl_session';
const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function authDeps(ctx: AppContext) {
  return {
    db: ctx.db,
    now: () => ctx.clock.now(),
    sessionSecret: ctx.config.sessionSecret,
    sessionTtlHours: ctx.config.sessionTtlHours,
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

/**
 * Every /api request: resolve the session cookie to an actor. Routes are private unless `config.public`;
 * cookie-authenticated mutations must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.actor = await resolveSession(authDeps(ctx), token, { ip: request.ip, requestId: request.id });
      if (!request.actor) clearSessionCookie(reply);
    }
    // Unknown routes fall through to the not-found handler (404), whoever asks.
    if (request.routeOptions.config.public || request.is404) return;
    if (!request.actor) throw new Unauthorized();
    if (MUTATIONS.has(request.method) && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      throw new Forbidden('csrf_failed');
    }
  });
}
