// zod/mini like auth.ts: the second step and the reset pages are on the login page's path (decision 0009).
import { z } from 'zod/mini';
import { newPasswordSchema } from './auth';

/** A 6-digit code from the authenticator, or one of the recovery codes (xxxxx-xxxxx). */
export const secondFactorBodySchema = z.object({
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
});

export const totpSetupSchema = z.object({
  /** Base32, for typing into an authenticator that cannot scan */
  secret: z.string(),
  otpauthUrl: z.string(),
  /** the otpauth URL as a PNG data: URL */
  qrDataUrl: z.string(),
});

export const recoveryCodesSchema = z.object({ codes: z.array(z.string()) });

export const sessionItemSchema = z.object({
  id: z.string(),
  userAgent: z.nullable(z.string()),
  ip: z.nullable(z.string()),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
  secondFactor: z.boolean(),
});
export const sessionListSchema = z.object({ items: z.array(sessionItemSchema) });
export type SessionItem = z.infer<typeof sessionItemSchema>;

export const sessionIdParamsSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)) });

export const passwordResetRequestSchema = z.object({
  /** the login name or the e-mail address */
  login: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

export const passwordResetConfirmSchema = z.object({
  token: z.string().check(z.minLength(20), z.maxLength(200)),
  newPassword: newPasswordSchema,
});

export const accountSecurityPaths = {
  secondFactor: '/api/auth/second-factor',
  totpSetup: '/api/auth/totp/setup',
  totpConfirm: '/api/auth/totp/confirm',
  recoveryCodes: '/api/auth/totp/recovery-codes',
  sessions: '/api/auth/sessions',
  session: '/api/auth/sessions/:id',
  revokeOtherSessions: '/api/auth/sessions/revoke-others',
  passwordResetRequest: '/api/auth/password-reset/request',
  passwordResetConfirm: '/api/auth/password-reset/confirm',
} as const;
