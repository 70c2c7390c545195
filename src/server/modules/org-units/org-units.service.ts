import type { z } from 'zod';
import type {
  createOrgUnitBodySchema,
  dissolveOrgUnitBodySchema,
  mergeOrgUnitsBodySchema,
  moveOrgUnitBodySchema,
  OrgUnit,
  OrgUnitDetail,
  updateOrgUnitBodySchema,
  UnitType,
} from '../../../shared/contracts/org-units';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Db, Executor } from '../../db/client';
import { canAdministerPath, isWithin, unitReadScope } from '../../http/access';
import { isAdmin, type Actor } from '../../http/actor';
import { Conflict, NotFound } from '../../http/errors';
import { registerMessages } from '../../i18n/messages';
import { orgUnitMessages } from './org-units.messages';
import { activeUnitStatus } from './org-units.rules';
import * as repo from './org-units.repository';

/** The unit tree as read: lists, searches, a unit's detail page, residential areas; and what its changes share. */

registerMessages(orgUnitMessages);

export interface OrgUnitDeps {
  db: Db;
  now: () => Date;
}

export type CreateInput = z.output<typeof createOrgUnitBodySchema>;
export type UpdateInput = z.output<typeof updateOrgUnitBodySchema>;
export type MoveInput = z.output<typeof moveOrgUnitBodySchema>;
export type MergeInput = z.output<typeof mergeOrgUnitsBodySchema>;
export type DissolveInput = z.output<typeof dissolveOrgUnitBodySchema>;
export type UnitView = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

/** The calendar date in Vietnam, where every effective date is meant (kept for the modules that import it). */
export function todayInVietnam(now: Date): string {
  return vnDay(now);
}

function toOrgUnit(row: UnitView, childCount: number): OrgUnit {
  const { path: _path, ...rest } = row;
  return { ...rest, childCount };
}

async function withChildCounts(db: Executor, rows: UnitView[]): Promise<OrgUnit[]> {
  const counts = await repo.countActiveChildren(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOrgUnit(r, counts.get(r.id) ?? 0));
}

export async function viewOf(db: Executor, id: string): Promise<OrgUnit> {
  const row = await repo.findUnit(db, id);
  if (!row) throw new NotFound();
  const [unit] = await withChildCounts(db, [row]);
  return unit!;
}

export async function visibleUnit(db: Executor, actor: Actor, id: string): Promise<UnitView> {
  const row = await repo.findUnit(db, id, unitReadScope(actor));
  if (!row) throw new NotFound();
  return row;
}

function isActive(unit: UnitView): boolean {
  return unit.status === activeUnitStatus;
}

export function assertActive(unit: UnitView) {
  if (!isActive(unit)) throw new Conflict('unit_closed', { name: unit.name });
}

/** The constraint a unique violation hit (the driver error may be wrapped by Drizzle). */
export function uniqueViolation(error: unknown): string | undefined {
  for (
    let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505') return e.constraint ?? '';
  }
  return undefined;
}

/** Without a parent or a search: the top-most units the actor reaches — roots for an admin, grant units otherwise. */
function topUnits(actor: Actor): repo.TopUnits {
  if (isAdmin(actor)) return { roots: true, unitIds: [], memberId: null };
  const paths = actor.grants.map((g) => g.unitPath).filter((p): p is string => !!p);
  const tops = actor.grants.filter(
    (g) => g.unitPath && !paths.some((p) => p !== g.unitPath && isWithin(g.unitPath!, p)),
  );
  const isMember = !!actor.memberId && actor.grants.some((g) => g.role === 'member');
  return { roots: false, unitIds: tops.map((g) => g.unitId!), memberId: isMember ? actor.memberId! : null };
}

export async function listUnits(
  deps: OrgUnitDeps,
  actor: Actor,
  query: { parentId?: string; q?: string; type?: UnitType; includeInactive?: boolean },
): Promise<OrgUnit[]> {
  const parent = query.parentId ? await visibleUnit(deps.db, actor, query.parentId) : undefined;
  const placement: repo.UnitListFilter['placement'] = query.q
    ? { kind: 'search', q: query.q, within: parent }
    : parent
      ? { kind: 'children', parentId: parent.id }
      : { kind: 'top', top: topUnits(actor) };
  const rows = await repo.listUnits(
    deps.db,
    { scope: unitReadScope(actor), includeInactive: query.includeInactive, type: query.type, placement },
    query.q ? 50 : undefined,
  );
  return withChildCounts(deps.db, rows);
}

export async function getUnitDetail(deps: OrgUnitDeps, actor: Actor, id: string): Promise<OrgUnitDetail> {
  const unit = await visibleUnit(deps.db, actor, id);
  const [ancestors, counts, officers, history] = await Promise.all([
    repo.findAncestors(deps.db, unit.path, unit.id),
    repo.unitCounts(deps.db, unit),
    repo.unitOfficers(deps.db, unit.id),
    repo.unitHistory(deps.db, unit.id),
  ]);
  return {
    ...toOrgUnit(unit, counts.childUnits),
    ancestors,
    counts,
    officers,
    history,
    canManage: isActive(unit) && canAdministerPath(actor, unit.path, { strict: true }),
    canEditDetails: isActive(unit) && canAdministerPath(actor, unit.path),
  };
}

export async function listResidentialAreas(
  deps: OrgUnitDeps,
  actor: Actor,
  query: { communeUnitId?: string },
) {
  return repo.listAreas(deps.db, unitReadScope(actor), query.communeUnitId);
}
