import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountSecurityPaths as paths,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  recoveryCodesSchema,
  secondFactorBodySchema,
  sessionIdParamsSchema,
  sessionListSchema,
  totpSetupSchema,
} from '../../../shared/contracts/account-security';
import { errorResponseSchema, okSchema } from '../../../shared/contracts/common';
import type { AppContext } from '../../context';
import { authDeps } from '../../http/session';
import { LoginThrottled } from './login-throttle';
import * as reset from './password-reset.service';
import * as secondFactor from './second-factor.service';
import * as sessions from './sessions.service';

/** A throttled attempt answers 429 with Retry-After (seconds) beside the message that says the same. */
export async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof LoginThrottled) reply.header('retry-after', String(err.retryAfterSeconds));
    throw err;
  }
}

const ok = { ok: true as const };
const tags = ['auth'];

/** Second factor, recovery codes, own sessions and password reset (issue 12, decision 0013). */
export function accountSecurityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = authDeps(ctx);
    const limited = { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' };

    app.post(
      paths.secondFactor,
      {
        config: { partialSession: true },
        schema: {
          tags,
          summary: 'Log in, step 2: the authenticator code or a recovery code',
          body: secondFactorBodySchema,
          response: { 200: okSchema, 422: errorResponseSchema, 429: errorResponseSchema },
        },
      },
      async (request, reply) => {
        await withRetryAfter(reply, () =>
          secondFactor.giveSecondFactor(deps, request.actor!, request.body.code),
        );
        return ok;
      },
    );

    app.post(
      paths.totpSetup,
      {
        schema: {
          tags,
          summary: 'Start enrolling an authenticator: secret and QR code',
          response: { 200: totpSetupSchema },
        },
      },
      async (request) => secondFactor.startEnrolment(deps, request.actor!),
    );

    app.post(
      paths.totpConfirm,
      {
        schema: {
          tags,
          summary: 'Confirm enrolment with a first code; answers the recovery codes (shown once)',
          body: secondFactorBodySchema,
          response: { 200: recoveryCodesSchema },
        },
      },
      async (request, reply) =>
        withRetryAfter(reply, () => secondFactor.confirmEnrolment(deps, request.actor!, request.body.code)),
    );

    app.post(
      paths.recoveryCodes,
      {
        schema: {
          tags,
          summary: 'New recovery codes (the old ones stop working)',
          response: { 200: recoveryCodesSchema },
        },
      },
      async (request) => secondFactor.regenerateRecoveryCodes(deps, request.actor!),
    );

    app.get(
      paths.sessions,
      {
        schema: {
          tags,
          summary: 'My sessions (devices), this one marked',
          response: { 200: sessionListSchema },
        },
      },
      async (request) => sessions.listSessions(deps, request.actor!),
    );

    app.post(
      paths.revokeOtherSessions,
      { schema: { tags, summary: 'Log out every other device', response: { 200: okSchema } } },
      async (request) => {
        await sessions.revokeOtherSessions(deps, request.actor!);
        return ok;
      },
    );

    app.delete(
      paths.session,
      {
        schema: {
          tags,
          summary: 'Log out one of my sessions',
          params: sessionIdParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await sessions.revokeSession(deps, request.actor!, request.params.id);
        return ok;
      },
    );

    app.post(
      paths.passwordResetRequest,
      {
        config: { public: true, rateLimit: limited },
        schema: {
          tags,
          summary: 'Forgot password: mail a one-time link (same answer whether or not the account exists)',
          body: passwordResetRequestSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await reset.requestPasswordReset(deps, request.body.login, { ip: request.ip, requestId: request.id });
        return ok;
      },
    );

    app.post(
      paths.passwordResetConfirm,
      {
        config: { public: true, rateLimit: limited },
        schema: {
          tags,
          summary: 'Set a new password with the mailed link',
          body: passwordResetConfirmSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await reset.confirmPasswordReset(deps, request.body, { ip: request.ip, requestId: request.id });
        return ok;
      },
    );
  };
}
