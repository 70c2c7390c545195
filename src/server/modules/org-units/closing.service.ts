import { canAdministerPath, isWithin, unitReadScope } from '../../http/access';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import type { OrgUnit } from '../../../shared/contracts/org-units';
import { writeAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import * as closingRepo from './closing.repository';
import * as repo from './org-units.repository';
import { unitClosings } from './org-units.rules';
import {
  assertActive,
  todayInVietnam,
  viewOf,
  visibleUnit,
  type DissolveInput,
  type MergeInput,
  type OrgUnitDeps,
} from './org-units.service';

/** Changes that close a unit: merging it into another (its children, members and memberships follow), dissolving it. */

export async function mergeUnits(
  deps: OrgUnitDeps,
  actor: Actor,
  targetId: string,
  input: MergeInput,
): Promise<OrgUnit> {
  const effectiveDate = input.effectiveDate ?? todayInVietnam(deps.now());
  const sourceIds = [...new Set(input.sourceIds)];
  await deps.db.transaction(async (tx) => {
    await repo.lockUnits(tx, [targetId, ...sourceIds]);
    const target = await visibleUnit(tx, actor, targetId);
    if (sourceIds.includes(targetId))
      throw new Invalid('unit_merge_related', { sourceIds: 'unit_merge_related' }, { name: target.name });
    const sources = await repo.findUnits(tx, sourceIds, unitReadScope(actor));
    if (sources.length !== sourceIds.length) throw new NotFound();
    if ([target, ...sources].some((u) => !canAdministerPath(actor, u.path, { strict: true })))
      throw new Forbidden('unit_not_managed');
    assertActive(target);
    for (const source of sources) {
      assertActive(source);
      if (source.type !== target.type)
        throw new Invalid(
          'unit_merge_type_mismatch',
          { sourceIds: 'unit_merge_type_mismatch' },
          { name: source.name },
        );
      const related = [target, ...sources].some(
        (other) =>
          other.id !== source.id && (isWithin(other.path, source.path) || isWithin(source.path, other.path)),
      );
      if (related)
        throw new Invalid('unit_merge_related', { sourceIds: 'unit_merge_related' }, { name: source.name });
    }

    const now = deps.now();
    for (const source of sources) {
      await closingRepo.recordChildrenMoved(tx, source, target, effectiveDate, actor.userId);
      const movedChildren = await closingRepo.moveActiveChildren(tx, source, target);
      const movedMembers = await closingRepo.repointMembers(tx, source.id, target.id);
      await closingRepo.transferMemberships(
        tx,
        source.id,
        target.id,
        effectiveDate,
        input.note ?? `${source.name} → ${target.name}`,
      );
      await closingRepo.repointAreas(tx, source.id, target.id);
      // A grant on the closed source would reach nothing: revoke it and tell the holder.
      const revokedUserIds = await closingRepo.revokeUnitGrants(tx, source.id, now);
      await notify(tx, {
        userIds: revokedUserIds,
        kind: 'unit_merged',
        params: { source: source.name, target: target.name },
        link: `/org/${target.id}`,
      });
      await repo.updateUnit(tx, source.id, {
        status: unitClosings.merge.to,
        validTo: effectiveDate,
        mergedIntoId: target.id,
        updatedAt: now,
      });
      await repo.insertEvents(tx, [
        {
          unitId: source.id,
          kind: 'merged',
          effectiveDate,
          fromValue: source.name,
          toValue: target.name,
          relatedUnitId: target.id,
          note: input.note ?? null,
          actorUserId: actor.userId,
        },
        {
          unitId: target.id,
          kind: 'absorbed',
          effectiveDate,
          fromValue: source.name,
          toValue: target.name,
          relatedUnitId: source.id,
          note: input.note ?? null,
          actorUserId: actor.userId,
        },
      ]);
      await writeAudit(tx, actor, {
        action: 'org_unit.merged',
        entityType: 'org_unit',
        entityId: source.id,
        unitId: target.id,
        before: { status: source.status, validTo: source.validTo, mergedIntoId: null },
        after: {
          status: unitClosings.merge.to,
          validTo: effectiveDate,
          mergedIntoId: target.id,
          movedChildren,
          movedMembers,
          revokedGrants: revokedUserIds.length,
          note: input.note ?? null,
        },
      });
    }
  });
  return viewOf(deps.db, targetId);
}

export async function dissolveUnit(
  deps: OrgUnitDeps,
  actor: Actor,
  id: string,
  input: DissolveInput,
): Promise<OrgUnit> {
  const effectiveDate = input.effectiveDate ?? todayInVietnam(deps.now());
  await deps.db.transaction(async (tx) => {
    await repo.lockUnits(tx, [id]);
    const unit = await visibleUnit(tx, actor, id);
    if (!canAdministerPath(actor, unit.path, { strict: true })) throw new Forbidden('unit_not_managed');
    assertActive(unit);
    const children = await closingRepo.countActiveChildUnits(tx, id);
    if (children > 0) throw new Conflict('unit_has_active_children', { count: children });
    const activeMembers = await closingRepo.countActiveMembers(tx, id);
    if (activeMembers > 0) throw new Conflict('unit_has_active_members', { count: activeMembers });

    const now = deps.now();
    const revokedUserIds = await closingRepo.revokeUnitGrants(tx, id, now);
    await notify(tx, {
      userIds: revokedUserIds,
      kind: 'unit_dissolved',
      params: { unit: unit.name },
      link: null,
    });
    await repo.updateUnit(tx, id, {
      status: unitClosings.dissolve.to,
      validTo: effectiveDate,
      updatedAt: now,
    });
    await repo.insertEvents(tx, [
      {
        unitId: id,
        kind: 'dissolved',
        effectiveDate,
        fromValue: unit.name,
        note: input.note ?? null,
        actorUserId: actor.userId,
      },
    ]);
    await writeAudit(tx, actor, {
      action: 'org_unit.dissolved',
      entityType: 'org_unit',
      entityId: id,
      unitId: id,
      before: { status: unit.status, validTo: unit.validTo },
      after: {
        status: unitClosings.dissolve.to,
        validTo: effectiveDate,
        revokedGrants: revokedUserIds.length,
        note: input.note ?? null,
      },
    });
  });
  return viewOf(deps.db, id);
}
