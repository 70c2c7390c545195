import type { UnitType } from '../../../shared/contracts/org-units';

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
