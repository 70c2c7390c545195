import type { Locale, Role } from '../../shared/contracts/auth';

export interface Grant {
  id: string;
  role: Role;
  unitId: string | null;
  unitPath: string | null;
  unitName: string | null;
  unitType: string | null;
  position: string | null;
  residentialAreaId: string | null;
}

/** Who is acting: the logged-in user with their role grants (unit paths resolved), for access checks and audit. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  memberId: string | null;
  locale: Locale;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
  requestId: string;
  ip: string;
  /** the session's account-security state (issue 12); absent for actors made outside a session */
  security?: SessionSecurity;
}

/** Loaded with the session row, so the per-request gate costs no query. */
export interface SessionSecurity {
  mustChangePassword: boolean;
  totpEnabled: boolean;
  secondFactorRequired: boolean;
  /** the second factor was given in this session */
  secondFactorDone: boolean;
}

export function isAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'admin');
}

export function grantsWith(actor: Actor, ...roles: Role[]): Grant[] {
  return actor.grants.filter((g) => roles.includes(g.role) && g.unitPath !== null);
}

/** The unit the actor acts for, recorded in audit entries: the first unit-scoped grant. */
export function actingUnitId(actor: Actor | null): string | null {
  return actor?.grants.find((g) => g.unitId)?.unitId ?? null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** reachable without a session */
    public?: boolean;
    /** reachable by a session whose second factor is still to be given (me, logout, the second step) */
    partialSession?: boolean;
  }
}
