import type { UnitLookup, UnitType } from '../../../shared/contracts/org-units';
import type { Db } from '../../db/client';
import { unitReadScope } from '../../http/access';
import type { Actor } from '../../http/actor';
import * as repo from './lookups.repository';

export interface LookupDeps {
  db: Db;
}

/**
 * Unit names are not secret: an officer recording where a member lives may pick a commune or cell anywhere in the
 * province (a member often lives in another commune than the one they work in). Other unit types, and other users,
 * stay within the units they can see. A commune officer names the workplace committee of a member found living
 * locally ("known here, no letter"), and any member reporting a move picks the commune they moved to (Art. 2.7).
 */
const provinceWideTypes: readonly UnitType[] = [
  'commune_committee',
  'residential_cell',
  'workplace_cell',
  'workplace_committee',
];
const everyoneTypes: readonly UnitType[] = ['commune_committee'];

function isOfficer(actor: Actor): boolean {
  return actor.grants.some(
    (g) => g.role === 'admin' || g.role === 'committee_officer' || g.role === 'cell_secretary',
  );
}

export async function lookupUnits(
  deps: LookupDeps,
  actor: Actor,
  query: { type?: UnitType; q?: string; within?: 'reach'; limit: number },
): Promise<UnitLookup[]> {
  const scope = unitReadScope(actor);
  let reach: repo.PickerReach = { scope: null };
  if (query.within === 'reach') reach = { scope };
  else if (!isOfficer(actor)) {
    if (!query.type || !everyoneTypes.includes(query.type)) reach = { scope };
  } else if (!query.type) reach = { scope, orTypes: provinceWideTypes };
  else if (!provinceWideTypes.includes(query.type)) reach = { scope };
  return repo.findUnitsForPicker(deps.db, { type: query.type, q: query.q, reach }, Math.min(query.limit, 50));
}

/**
 * Residential areas of a commune: anyone may pick one (a member reporting a move names the block they moved to);
 * the Front head's name and phone are for officers only.
 */
export async function lookupAreas(deps: LookupDeps, actor: Actor, communeUnitId: string) {
  const officer = isOfficer(actor);
  const rows = await repo.findAreasOfCommune(deps.db, communeUnitId);
  return rows.map((a) => ({
    id: a.id,
    communeUnitId: a.communeUnitId,
    name: a.name,
    kind: a.kind,
    frontHeadName: officer ? a.frontHeadName : null,
    frontHeadPhone: officer ? a.frontHeadPhone : null,
  }));
}
