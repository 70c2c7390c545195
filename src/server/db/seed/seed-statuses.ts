import type { MemberStatus } from '../../../shared/contracts/members';
import type { unitStatusEnum } from '../schema/org-units';

/** Statuses without a workflow table that the seeds pick by: a member still in the register, a unit still in the tree. */
export const activeMemberStatus = 'active' satisfies MemberStatus;
export const activeUnitStatus = 'active' satisfies (typeof unitStatusEnum.enumValues)[number];
