import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orgUnits, users } from '../../db/schema';
import type { Me } from '../../../shared/contracts/auth';
import type { Actor, Grant } from '../../http/actor';
import { Forbidden, Invalid, Unauthorized } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { isDeviceOf, newDeviceCookie } from './device-cookie';
import {
  assertAddressAllowed,
  assertNotDelayed,
  clearFailures,
  recordAddressFailure,
  recordDelayedFailure,
  throttleKeys,
} from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { describeSecurity } from './session-gate';
import { SECOND_FACTOR_ROLES } from './totp';
import * as repo from './auth.repository';
import { newToken, sessionIdFor } from './tokens';

export interface AuthDeps {
  db: Db;
  now: () => Date;
  sessionSecret: string;
  sessionTtlHours: number;
  /** failed logins allowed per address and login name per minute */
  loginAttemptsPerMinute: number;
  publicUrl: string;
}

// Verified when the login matches no user, so a wrong username costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export interface LoginMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
  /** the browser's device cookie, if it has one (login-throttle.ts) */
  deviceCookie?: string;
}

/**
 * Password check under the login protection of login-throttle.ts. The session it opens may still have steps to
 * take (second factor, new password, enrolment): the session gate lets it reach only /api/auth until then.
 */
export async function login(
  deps: AuthDeps,
  input: { login: string; password: string },
  meta: LoginMeta,
): Promise<{ token: string; expiresAt: Date; actor: Actor; deviceCookie: string }> {
  const now = deps.now();
  const loginName = input.login.trim();
  const addressKey = throttleKeys.address(meta.ip, loginName);
  await assertAddressAllowed(deps.db, addressKey, now, deps.loginAttemptsPerMinute);
  const candidates = await repo.findUserByLogin(deps.db, loginName);
  const user = candidates.length === 1 ? candidates[0] : undefined;
  const trustedDevice = !!user && isDeviceOf(meta.deviceCookie, user.id, deps.sessionSecret);
  const accountKey = user ? throttleKeys.account(user.id) : null;
  if (accountKey && !trustedDevice) await assertNotDelayed(deps.db, accountKey, now);
  let passwordOk = false;
  if (user) passwordOk = await verifyPassword(user.passwordHash, input.password);
  else {
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verifyPassword(await dummyHash, input.password);
  }
  if (!user || !passwordOk) {
    await recordAddressFailure(deps.db, addressKey, now);
    if (accountKey && !trustedDevice) await recordDelayedFailure(deps.db, accountKey, now);
    throw new Unauthorized('invalid_credentials');
  }
  if (!user.isActive) throw new Forbidden('account_disabled');
  await clearFailures(deps.db, [addressKey, accountKey!]);

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3600_000);
  const sessionId = sessionIdFor(token, deps.sessionSecret);
  const grants = await repo.loadGrants(deps.db, user.id);
  const actor = toActor(user, grants, { sessionId, csrfToken, requestId: meta.requestId, ip: meta.ip }, null);
  await deps.db.transaction(async (tx) => {
    await repo.insertSession(tx, {
      id: sessionId,
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await writeAudit(tx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  const deviceCookie = trustedDevice ? meta.deviceCookie! : newDeviceCookie(user.id, deps.sessionSecret);
  return { token, expiresAt, actor, deviceCookie };
}

const TOUCH_AFTER_MS = 5 * 60_000;

/** Resolve a cookie token to an actor; expired sessions are removed. Sliding expiry, touched at most every 5 min. */
export async function resolveSession(
  deps: AuthDeps,
  token: string,
  meta: { ip: string; requestId: string },
): Promise<Actor | null> {
  const sessionId = sessionIdFor(token, deps.sessionSecret);
  const found = await repo.findSession(deps.db, sessionId);
  if (!found) return null;
  const now = deps.now();
  if (found.session.expiresAt <= now || !found.user.isActive) {
    await repo.deleteSession(deps.db, sessionId);
    return null;
  }
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await repo.touchSession(
      deps.db,
      sessionId,
      new Date(now.getTime() + deps.sessionTtlHours * 3600_000),
      now,
    );
  }
  const grants = await repo.loadGrants(deps.db, found.user.id);
  return toActor(
    found.user,
    grants,
    { sessionId, csrfToken: found.session.csrfToken, ...meta },
    found.session.secondFactorAt,
  );
}

export async function logout(deps: AuthDeps, actor: Actor): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await repo.deleteSession(tx, actor.sessionId);
    await writeAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

export async function changePassword(
  deps: AuthDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user) throw new Unauthorized();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new Invalid('wrong_current_password', { currentPassword: 'wrong_current_password' });
  if (input.currentPassword === input.newPassword)
    throw new Invalid('same_password', { newPassword: 'same_password' });
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: deps.now(), mustChangePassword: false, updatedAt: deps.now() })
      .where(eq(users.id, user.id));
    // Other devices must log in again with the new password.
    await repo.deleteOtherSessions(tx, user.id, actor.sessionId);
    await writeAudit(tx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}

export async function setLocale(deps: AuthDeps, actor: Actor, locale: 'vi' | 'en'): Promise<void> {
  await deps.db.update(users).set({ locale }).where(eq(users.id, actor.userId));
}

export async function describeMe(deps: AuthDeps, actor: Actor): Promise<Me> {
  const unitIds = [...new Set(actor.grants.map((g) => g.unitId).filter((id): id is string => !!id))];
  const units = unitIds.length
    ? await deps.db
        .select({ id: orgUnits.id, name: orgUnits.name, type: orgUnits.type })
        .from(orgUnits)
        .where(inArray(orgUnits.id, unitIds))
    : [];
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      email: actor.email,
      phone: actor.phone,
      memberId: actor.memberId,
      locale: actor.locale,
    },
    roles: actor.grants.map((g) => ({
      id: g.id,
      role: g.role,
      unitId: g.unitId,
      unitName: g.unitName,
      unitType: g.unitType,
      position: (g.position as Me['roles'][number]['position']) ?? null,
    })),
    units,
    csrfToken: actor.csrfToken,
    security: describeSecurity(actor.security),
  };
}

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

export function toActor(
  user: UserRow,
  grants: Grant[],
  s: { sessionId: string; csrfToken: string; requestId: string; ip: string },
  secondFactorAt: Date | null,
): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email ?? null,
    phone: user.phone ?? null,
    memberId: user.memberId ?? null,
    locale: user.locale,
    grants,
    ...s,
    security: {
      mustChangePassword: user.mustChangePassword,
      totpEnabled: !!user.totpEnabledAt,
      secondFactorRequired: grants.some((g) => (SECOND_FACTOR_ROLES as readonly string[]).includes(g.role)),
      secondFactorDone: !!secondFactorAt,
    },
  };
}
