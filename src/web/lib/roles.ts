import type { Me, Role } from '../../shared/contracts/auth';

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me?.roles.some((grant) => roles.includes(grant.role));
}

export const canImportMembers = (me: Me | null | undefined) => hasRole(me, 'admin', 'committee_officer');
export const canCreateMembers = (me: Me | null | undefined) => hasRole(me, 'admin', 'committee_officer');
export const isAdmin = (me: Me | null | undefined) => hasRole(me, 'admin');
