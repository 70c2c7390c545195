import type { Actor } from '../../http/actor';
import { Conflict, Invalid, Unauthorized } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import type { AuthDeps } from './auth.service';
import * as authRepo from './auth.repository';
import { assertNotDelayed, clearFailures, recordDelayedFailure, throttleKeys } from './login-throttle';
import * as repo from './second-factor.repository';
import { seal, unseal } from './sealed';
import {
  hashRecoveryCode,
  isValidTotp,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  qrDataUrl,
  totpUri,
} from './totp';

/** The purpose label the TOTP secrets are sealed under (sealed.ts); the demo seed seals with it too. */
export const TOTP_SEAL_PURPOSE = 'totp';

async function loadUser(deps: AuthDeps, actor: Actor) {
  const user = await authRepo.findUserById(deps.db, actor.userId);
  if (!user) throw new Unauthorized();
  return user;
}

function secretOf(deps: AuthDeps, sealed: string | null): string | null {
  return sealed ? unseal(sealed, deps.sessionSecret, TOTP_SEAL_PURPOSE) : null;
}

/** Enrolment, step 1: a fresh secret, kept sealed until a first code confirms it. */
export async function startEnrolment(deps: AuthDeps, actor: Actor) {
  const user = await loadUser(deps, actor);
  if (user.totpEnabledAt) throw new Conflict('totp_already_enabled');
  const secret = newTotpSecret();
  const otpauthUrl = totpUri(secret, user.username);
  await repo.setPendingTotpSecret(
    deps.db,
    user.id,
    seal(secret, deps.sessionSecret, TOTP_SEAL_PURPOSE),
    deps.now(),
  );
  return { secret, otpauthUrl, qrDataUrl: await qrDataUrl(otpauthUrl) };
}

/** Enrolment, step 2: the first code turns the factor on, counts as this session's second factor, and gives the recovery codes. */
export async function confirmEnrolment(
  deps: AuthDeps,
  actor: Actor,
  code: string,
): Promise<{ codes: string[] }> {
  const user = await loadUser(deps, actor);
  if (user.totpEnabledAt) throw new Conflict('totp_already_enabled');
  const secret = secretOf(deps, user.totpSecret);
  if (!secret) throw new Conflict('totp_setup_missing');
  await assertNotDelayed(deps.db, throttleKeys.secondFactor(user.id), deps.now());
  if (!(await isValidTotp(secret, code))) {
    await recordDelayedFailure(deps.db, throttleKeys.secondFactor(user.id), deps.now());
    throw new Invalid('invalid_second_factor', { code: 'invalid_second_factor' });
  }
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    const now = deps.now();
    await repo.enableTotp(tx, user.id, now);
    await repo.markSecondFactor(tx, actor.sessionId, now);
    await repo.replaceRecoveryCodes(tx, user.id, codes.map(hashRecoveryCode), now);
    await clearFailures(tx, [throttleKeys.secondFactor(user.id)]);
    await writeAudit(tx, actor, { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
  });
  return { codes };
}

/** Login, step 2: the authenticator's code or an unused recovery code, under the same progressive delay as passwords. */
export async function giveSecondFactor(deps: AuthDeps, actor: Actor, code: string): Promise<void> {
  const user = await loadUser(deps, actor);
  const secret = user.totpEnabledAt ? secretOf(deps, user.totpSecret) : null;
  if (!secret) throw new Conflict('totp_not_enabled');
  const key = throttleKeys.secondFactor(user.id);
  await assertNotDelayed(deps.db, key, deps.now());
  const now = deps.now();
  const recovery = looksLikeRecoveryCode(code);
  const ok = recovery
    ? await repo.useRecoveryCode(deps.db, user.id, hashRecoveryCode(code), now)
    : await isValidTotp(secret, code);
  if (!ok) {
    await recordDelayedFailure(deps.db, key, now);
    await writeAudit(deps.db, actor, {
      action: 'auth.second_factor_failed',
      entityType: 'user',
      entityId: user.id,
    });
    throw new Invalid('invalid_second_factor', { code: 'invalid_second_factor' });
  }
  await deps.db.transaction(async (tx) => {
    await repo.markSecondFactor(tx, actor.sessionId, now);
    await clearFailures(tx, [key]);
    await writeAudit(tx, actor, {
      action: recovery ? 'auth.recovery_code_used' : 'auth.second_factor',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

/** New recovery codes (the old ones stop working); the session has given its second factor (session gate). */
export async function regenerateRecoveryCodes(deps: AuthDeps, actor: Actor): Promise<{ codes: string[] }> {
  const user = await loadUser(deps, actor);
  if (!user.totpEnabledAt) throw new Conflict('totp_not_enabled');
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    await repo.replaceRecoveryCodes(tx, user.id, codes.map(hashRecoveryCode), deps.now());
    await writeAudit(tx, actor, {
      action: 'auth.recovery_codes_regenerated',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { codes };
}
