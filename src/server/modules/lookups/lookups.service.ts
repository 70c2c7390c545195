import { eq, inArray, or, type SQL } from 'drizzle-orm';
import type { UnitLookup, UnitType } from '../../../shared/contracts/org-units';
import type { Db } from '../../db/client';
import { orgUnits } from '../../db/schema';
import { unitReadScope } from '../../http/access';
import type { Actor } from '../../http/actor';
import * as repo from './lookups.repository';

export interface LookupDeps {
  db: Db;
}

/**
 * Unit names are not secret: an officer recording where a member lives may pick a commune or cell anywhere in the
 * province (a member often lives in another commune than the one they work in). Other unit types, and other users,
 * stay within the units they can see.
 */
const provinceWideTypes: readonly UnitType[] = ['commune_committee', 'residential_cell', 'workplace_cell'];

function isOfficer(actor: Actor): boolean {
  return actor.grants.some(
    (g) => g.role === 'admin' || g.role === 'committee_officer' || g.role === 'cell_secretary',
  );
}

export async function lookupUnits(
  deps: LookupDeps,
  actor: Actor,
  query: { type?: UnitType; q?: string; limit: number },
): Promise<UnitLookup[]> {
  const where: SQL[] = [eq(orgUnits.status, 'active')];
  if (query.type) where.push(eq(orgUnits.type, query.type));
  if (query.q) where.push(repo.nameMatches(query.q));
  const scope = unitReadScope(actor);
  if (!isOfficer(actor)) where.push(scope);
  else if (!query.type) where.push(or(inArray(orgUnits.type, [...provinceWideTypes]), scope)!);
  else if (!provinceWideTypes.includes(query.type)) where.push(scope);
  return repo.findUnitsForPicker(deps.db, where, Math.min(query.limit, 50));
}

/** Residential areas of a commune: officers may pick them province-wide (a member may live anywhere). */
export async function lookupAreas(deps: LookupDeps, actor: Actor, communeUnitId: string) {
  if (!isOfficer(actor)) return [];
  const rows = await repo.findAreasOfCommune(deps.db, communeUnitId);
  return rows.map((a) => ({
    id: a.id,
    communeUnitId: a.communeUnitId,
    name: a.name,
    kind: a.kind,
    frontHeadName: a.frontHeadName,
    frontHeadPhone: a.frontHeadPhone,
  }));
}
