import { childPath } from '../../db/ltree';
import type { Executor } from '../../db/client';
import { canAdministerPath, isWithin } from '../../http/access';
import { isAdmin, type Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid } from '../../http/errors';
import type { OrgUnit } from '../../../shared/contracts/org-units';
import { diff, writeAudit } from '../audit/audit.service';
import * as repo from './org-units.repository';
import { canBeChildOf, isCell } from './org-units.rules';
import {
  assertActive,
  todayInVietnam,
  uniqueViolation,
  viewOf,
  visibleUnit,
  type CreateInput,
  type MoveInput,
  type OrgUnitDeps,
  type UnitView,
  type UpdateInput,
} from './org-units.service';

/** Changes to the tree that keep a unit open: creating it, renaming it or changing its details, moving it. */

/** Type hierarchy, sector and residential area of a unit about to be created under `parent`. */
async function checkPlacement(db: Executor, input: CreateInput, parent: UnitView | undefined) {
  if (parent && isCell(parent.type))
    throw new Invalid('unit_parent_is_cell', { parentId: 'unit_parent_is_cell' });
  if (!canBeChildOf(input.type, parent?.type ?? null))
    throw new Invalid('unit_type_not_allowed', { type: 'unit_type_not_allowed' });
  if (input.type === 'workplace_committee' && !input.sector)
    throw new Invalid('unit_sector_required', { sector: 'unit_sector_required' });
  if (input.sector && input.type !== 'workplace_committee' && input.type !== 'workplace_cell')
    throw new Invalid('unit_sector_not_applicable', { sector: 'unit_sector_not_applicable' });
  if (input.type !== 'residential_cell') {
    if (input.residentialAreaId || input.newResidentialArea)
      throw new Invalid('unit_area_only_residential', { residentialAreaId: 'unit_area_only_residential' });
    return;
  }
  if (!input.residentialAreaId && !input.newResidentialArea)
    throw new Invalid('unit_area_required', { residentialAreaId: 'unit_area_required' });
  if (input.residentialAreaId) {
    const area = await repo.findArea(db, input.residentialAreaId);
    if (!area) throw new Invalid('unit_area_not_found', { residentialAreaId: 'unit_area_not_found' });
    if (area.communeUnitId !== parent!.id)
      throw new Invalid('unit_area_wrong_commune', { residentialAreaId: 'unit_area_wrong_commune' });
    const cell = await repo.areaCell(db, area.id);
    if (cell) throw new Conflict('residential_area_taken', { name: cell.name });
  }
}

export async function createUnit(deps: OrgUnitDeps, actor: Actor, input: CreateInput): Promise<OrgUnit> {
  let parent: UnitView | undefined;
  if (input.parentId) {
    parent = await visibleUnit(deps.db, actor, input.parentId);
    assertActive(parent);
    if (!canAdministerPath(actor, parent.path)) throw new Forbidden('unit_not_managed');
  } else if (!isAdmin(actor)) {
    throw new Forbidden('unit_root_admin_only');
  }
  await checkPlacement(deps.db, input, parent);
  if (await repo.codeExists(deps.db, input.code)) throw new Conflict('unit_code_taken', { code: input.code });

  const id = crypto.randomUUID();
  const validFrom = input.validFrom ?? todayInVietnam(deps.now());
  await deps.db
    .transaction(async (tx) => {
      let residentialAreaId = input.type === 'residential_cell' ? (input.residentialAreaId ?? null) : null;
      if (input.type === 'residential_cell' && input.newResidentialArea) {
        const area = await repo.insertArea(tx, { communeUnitId: parent!.id, ...input.newResidentialArea });
        residentialAreaId = area.id;
        await writeAudit(tx, actor, {
          action: 'residential_area.created',
          entityType: 'residential_area',
          entityId: area.id,
          unitId: parent!.id,
          after: area,
        });
      }
      const values = {
        id,
        parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? null, id),
        depth: parent ? parent.depth + 1 : 0,
        code: input.code,
        name: input.name,
        type: input.type,
        sector:
          input.type === 'workplace_cell' ? (input.sector ?? parent?.sector ?? null) : (input.sector ?? null),
        residentialAreaId,
        address: input.address || null,
        phone: input.phone || null,
        email: input.email || null,
        meetingPlace: input.meetingPlace || null,
        validFrom,
      };
      await repo.insertUnit(tx, values);
      await repo.insertEvents(tx, [
        {
          unitId: id,
          kind: 'created',
          effectiveDate: validFrom,
          toValue: input.name,
          relatedUnitId: parent?.id ?? null,
          actorUserId: actor.userId,
        },
      ]);
      await writeAudit(tx, actor, {
        action: 'org_unit.created',
        entityType: 'org_unit',
        entityId: id,
        unitId: id,
        after: values,
      });
    })
    .catch((error: unknown) => {
      // Two administrators creating the same code at once: the unique index decides, with the same message.
      if (uniqueViolation(error) === 'org_units_code_unique')
        throw new Conflict('unit_code_taken', { code: input.code });
      throw error;
    });
  return viewOf(deps.db, id);
}

export async function updateUnit(
  deps: OrgUnitDeps,
  actor: Actor,
  id: string,
  input: UpdateInput,
): Promise<OrgUnit> {
  const unit = await visibleUnit(deps.db, actor, id);
  assertActive(unit);
  const set: Partial<
    Record<'name' | 'sector' | 'address' | 'phone' | 'email' | 'meetingPlace', string | null>
  > = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.sector !== undefined) set.sector = input.sector;
  for (const key of ['address', 'phone', 'email', 'meetingPlace'] as const) {
    if (input[key] !== undefined) set[key] = input[key] || null;
  }
  if (set.sector && unit.type !== 'workplace_committee' && unit.type !== 'workplace_cell')
    throw new Invalid('unit_sector_not_applicable', { sector: 'unit_sector_not_applicable' });
  if (unit.type === 'workplace_committee' && set.sector === null)
    throw new Invalid('unit_sector_required', { sector: 'unit_sector_required' });
  const change = diff(unit as Record<string, unknown>, set);
  // Renaming or re-classifying a unit is the superior committee's decision; its contact details the unit keeps itself.
  const structural = 'name' in change.after || 'sector' in change.after;
  if (!canAdministerPath(actor, unit.path, { strict: structural })) throw new Forbidden('unit_not_managed');
  if (!change.changed) return viewOf(deps.db, id);

  await deps.db.transaction(async (tx) => {
    await repo.updateUnit(tx, id, { ...(change.after as Partial<repo.UnitInsert>), updatedAt: deps.now() });
    if ('name' in change.after) {
      await repo.insertEvents(tx, [
        {
          unitId: id,
          kind: 'renamed',
          effectiveDate: input.effectiveDate ?? todayInVietnam(deps.now()),
          fromValue: unit.name,
          toValue: set.name!,
          actorUserId: actor.userId,
        },
      ]);
    }
    await writeAudit(tx, actor, {
      action: 'org_unit.updated',
      entityType: 'org_unit',
      entityId: id,
      unitId: id,
      before: change.before,
      after: change.after,
    });
  });
  return viewOf(deps.db, id);
}

export async function moveUnit(
  deps: OrgUnitDeps,
  actor: Actor,
  id: string,
  input: MoveInput,
): Promise<OrgUnit> {
  const effectiveDate = input.effectiveDate ?? todayInVietnam(deps.now());
  await deps.db.transaction(async (tx) => {
    await repo.lockUnits(tx, [id, input.newParentId]);
    const unit = await visibleUnit(tx, actor, id);
    const newParent = await visibleUnit(tx, actor, input.newParentId);
    if (!canAdministerPath(actor, unit.path, { strict: true }) || !canAdministerPath(actor, newParent.path))
      throw new Forbidden('unit_not_managed');
    assertActive(unit);
    assertActive(newParent);
    if (isWithin(newParent.path, unit.path)) throw new Conflict('unit_move_cycle');
    if (unit.parentId === newParent.id)
      throw new Invalid('unit_move_same_parent', { newParentId: 'unit_move_same_parent' });
    if (isCell(newParent.type))
      throw new Invalid('unit_parent_is_cell', { newParentId: 'unit_parent_is_cell' });
    if (!canBeChildOf(unit.type, newParent.type))
      throw new Invalid('unit_type_not_allowed', { newParentId: 'unit_type_not_allowed' });

    const oldParent = unit.parentId ? await repo.findUnit(tx, unit.parentId) : undefined;
    await repo.moveSubtree(tx, unit, newParent);
    // A residential area belongs to the commune of its cell: it follows the cell.
    if (unit.type === 'residential_cell' && unit.residentialAreaId && newParent.type === 'commune_committee')
      await repo.repointAreasOfCell(tx, unit.residentialAreaId, newParent.id);
    await repo.insertEvents(tx, [
      {
        unitId: id,
        kind: 'moved',
        effectiveDate,
        fromValue: oldParent?.name ?? null,
        toValue: newParent.name,
        relatedUnitId: newParent.id,
        actorUserId: actor.userId,
      },
    ]);
    await writeAudit(tx, actor, {
      action: 'org_unit.moved',
      entityType: 'org_unit',
      entityId: id,
      unitId: id,
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId: newParent.id, path: childPath(newParent.path, id), effectiveDate },
    });
  });
  return viewOf(deps.db, id);
}
