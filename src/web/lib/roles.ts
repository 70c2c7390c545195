import type { Me, Role, RoleGrant } from '../../shared/contracts/auth';

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me?.roles.some((grant) => roles.includes(grant.role));
}

export const canImportMembers = (me: Me | null | undefined) => hasRole(me, 'admin', 'committee_officer');
export const canCreateMembers = (me: Me | null | undefined) => hasRole(me, 'admin', 'committee_officer');
export const isAdmin = (me: Me | null | undefined) => hasRole(me, 'admin');

/** Grants of a role on units of one type (e.g. committee officer on a workplace committee). */
export function grantsOn(me: Me | null | undefined, role: Role, unitType: string): RoleGrant[] {
  return (me?.roles ?? []).filter((g) => g.role === role && g.unitType === unitType && !!g.unitId);
}
export const workplaceGrants = (me: Me | null | undefined) =>
  grantsOn(me, 'committee_officer', 'workplace_committee');
export const communeGrants = (me: Me | null | undefined) =>
  grantsOn(me, 'committee_officer', 'commune_committee');
export const cellGrants = (me: Me | null | undefined) => grantsOn(me, 'cell_secretary', 'residential_cell');

/** Art. 3.1: letters are signed for the committee by its secretary or deputy secretary. */
export function canSignFor(me: Me | null | undefined, unitId: string | null | undefined): boolean {
  return workplaceGrants(me).some(
    (g) => g.unitId === unitId && (g.position === 'secretary' || g.position === 'deputy_secretary'),
  );
}

/** Art. 4.3: the cell secretary runs the cell's meetings; the commune committee above reads them and may step in. */
export const canRunMeetings = (me: Me | null | undefined) =>
  isAdmin(me) || cellGrants(me).length > 0 || communeGrants(me).length > 0;

/** A working member with their own record: their invitations, answers and attendance. */
export const isWorkingMember = (me: Me | null | undefined) => hasRole(me, 'member') && !!me?.user.memberId;

/**
 * Art. 2.6: the cell (or the commune above it) records local campaigns and the members' part in them;
 * the same people run the cell's warnings (Art. 4.4).
 */
export const canRunCellLife = (me: Me | null | undefined) =>
  isAdmin(me) || cellGrants(me).length > 0 || communeGrants(me).length > 0;

/** Who reads the campaigns of a cell: those who run them, the Front head, and the members living there. */
export const canSeeActivities = (me: Me | null | undefined) =>
  canRunCellLife(me) || hasRole(me, 'front_head') || isWorkingMember(me);

/** Warnings are read by the cell side and by the workplace committee over the member (it is told on escalation). */
export const canSeeCellWarnings = (me: Me | null | undefined) =>
  canRunCellLife(me) || workplaceGrants(me).length > 0;

/** The commune committee directs topics to all its cells; their secretaries read them. */
export const canDirectTopics = (me: Me | null | undefined) => isAdmin(me) || communeGrants(me).length > 0;
export const canSeeTopics = (me: Me | null | undefined) => canDirectTopics(me) || cellGrants(me).length > 0;

/**
 * Art. 4.4–4.5, the residence side of the yearly evaluation: the cell secretary fills and signs the forms,
 * the Front head co-signs, the commune committee confirms or returns them (administrators read along).
 */
export const canSeeResidenceEvaluations = (me: Me | null | undefined) =>
  isAdmin(me) || cellGrants(me).length > 0 || hasRole(me, 'front_head') || communeGrants(me).length > 0;

/** Art. 3.4–3.5, the workplace side: open the year's cycle, follow the backlog, the year-end review, disputes. */
export const canRunWorkplaceEvaluations = (me: Me | null | undefined) =>
  isAdmin(me) || workplaceGrants(me).length > 0;

/** Art. 5: every committee officer follows the figures of their subtree; administrators the whole country. */
export const canSeeReports = (me: Me | null | undefined) => hasRole(me, 'admin', 'committee_officer');

/** The yearly report: commune and grassroots committees write it; the committee above receives it. */
export const canUseYearlyReports = (me: Me | null | undefined) =>
  (me?.roles ?? []).some(
    (g) =>
      g.role === 'committee_officer' &&
      [
        'commune_committee',
        'workplace_committee',
        'bloc_committee',
        'district_committee',
        'province_committee',
      ].includes(g.unitType ?? ''),
  );
