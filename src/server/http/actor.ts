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
  }
}
