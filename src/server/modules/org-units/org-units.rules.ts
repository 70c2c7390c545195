import type { z } from 'zod';
import type { MemberStatus } from '../../../shared/contracts/members';
import type { unitStatusSchema, UnitType } from '../../../shared/contracts/org-units';

type UnitStatus = z.infer<typeof unitStatusSchema>;

/**
 * Which unit types may sit directly under which (DOMAIN §4). Since 1 July 2025 communes sit directly under the
 * province; older data still has districts, so a district stays a valid parent. Cells are leaves.
 * `null` as a parent type means "a root".
 */
const allowedParents: Record<UnitType, readonly (UnitType | null)[]> = {
  province_committee: [null],
  bloc_committee: ['province_committee'],
  district_committee: ['province_committee'],
  commune_committee: ['province_committee', 'district_committee'],
  workplace_committee: ['province_committee', 'bloc_committee', 'district_committee', 'commune_committee'],
  residential_cell: ['commune_committee', 'district_committee'],
  workplace_cell: ['workplace_committee'],
};

export function canBeChildOf(type: UnitType, parentType: UnitType | null): boolean {
  return allowedParents[type].includes(parentType);
}

export function isCell(type: UnitType): boolean {
  return type === 'residential_cell' || type === 'workplace_cell';
}

/** Committees a committee officer can be granted on. */
export const committeeTypes: readonly UnitType[] = [
  'province_committee',
  'bloc_committee',
  'district_committee',
  'commune_committee',
  'workplace_committee',
];

/** A unit's life (decision 0003): active until merged into another unit or dissolved; a closed unit never changes. */
export const activeUnitStatus = 'active' satisfies UnitStatus;
export const unitClosings = {
  merge: { from: [activeUnitStatus], to: 'merged' },
  dissolve: { from: [activeUnitStatus], to: 'dissolved' },
} as const satisfies Record<string, { from: readonly UnitStatus[]; to: UnitStatus }>;

/** Members counted in a unit's head counts and blocking its dissolution. */
export const activeMemberStatus = 'active' satisfies MemberStatus;
