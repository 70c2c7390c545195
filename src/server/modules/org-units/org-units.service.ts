import { eq, isNull, or, sql, type SQL } from 'drizzle-orm';
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
import type { Db, Executor } from '../../db/client';
import { childPath } from '../../db/ltree';
import { orgUnits } from '../../db/schema';
import { canAdministerPath, unitReadScope } from '../../http/access';
import { isAdmin, type Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { registerMessages } from '../../i18n/messages';
import { diff, writeAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { canBeChildOf, isCell } from './org-units.rules';
import * as repo from './org-units.repository';

registerMessages({
  unit_code_taken: {
    vi: 'Mã đơn vị “{code}” đã được dùng cho đơn vị khác.',
    en: 'The unit code “{code}” is already used by another unit.',
  },
  unit_closed: {
    vi: 'Đơn vị “{name}” đã sáp nhập hoặc giải thể, không thể thay đổi.',
    en: 'The unit “{name}” has been merged or dissolved and cannot change.',
  },
  unit_not_managed: {
    vi: 'Đồng chí không quản lý đơn vị này nên không thể thay đổi thông tin của đơn vị.',
    en: 'You do not manage this unit, so you cannot change it.',
  },
  unit_root_admin_only: {
    vi: 'Chỉ quản trị hệ thống mới tạo được đơn vị cấp cao nhất.',
    en: 'Only a system administrator can create a top-level unit.',
  },
  unit_type_not_allowed: {
    vi: 'Loại đơn vị này không thể trực thuộc đơn vị cấp trên đã chọn.',
    en: 'A unit of this type cannot sit under the chosen parent.',
  },
  unit_parent_is_cell: { vi: 'Chi bộ không có đơn vị trực thuộc.', en: 'A cell cannot have units under it.' },
  unit_sector_required: {
    vi: 'Cần chọn khối (cơ quan, doanh nghiệp, sự nghiệp, lực lượng vũ trang).',
    en: 'Choose the sector (agency, enterprise, public service, armed forces).',
  },
  unit_sector_not_applicable: {
    vi: 'Chỉ đảng bộ, chi bộ nơi làm việc mới có khối.',
    en: 'Only workplace committees and cells have a sector.',
  },
  unit_area_required: {
    vi: 'Chi bộ nơi cư trú cần gắn với một khu dân cư: chọn khu có sẵn hoặc tạo khu mới.',
    en: 'A residential cell needs a residential area: pick one or create a new one.',
  },
  unit_area_only_residential: {
    vi: 'Chỉ chi bộ nơi cư trú mới gắn với khu dân cư.',
    en: 'Only a residential cell belongs to a residential area.',
  },
  unit_area_wrong_commune: {
    vi: 'Khu dân cư này không thuộc xã/phường cấp trên đã chọn.',
    en: 'This residential area is not in the chosen commune.',
  },
  unit_area_not_found: { vi: 'Không tìm thấy khu dân cư.', en: 'Residential area not found.' },
  residential_area_taken: {
    vi: 'Khu dân cư này đã có chi bộ “{name}”.',
    en: 'This residential area already has the cell “{name}”.',
  },
  unit_move_cycle: {
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc một đơn vị trực thuộc nó.',
    en: 'A unit cannot move under itself or one of its own units.',
  },
  unit_move_same_parent: {
    vi: 'Đơn vị đã trực thuộc đơn vị này.',
    en: 'The unit is already under this parent.',
  },
  unit_merge_type_mismatch: {
    vi: 'Chỉ hợp nhất được các đơn vị cùng loại (“{name}” khác loại).',
    en: 'Only units of the same type can merge (“{name}” differs).',
  },
  unit_merge_related: {
    vi: 'Không thể hợp nhất một đơn vị với đơn vị cấp trên hoặc trực thuộc của nó (“{name}”).',
    en: 'A unit cannot merge with its own parent or sub-unit (“{name}”).',
  },
  unit_has_active_children: {
    vi: 'Đơn vị còn {count} đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể chúng trước.',
    en: 'The unit still has {count} active sub-units; move or dissolve them first.',
  },
  unit_has_active_members: {
    vi: 'Đơn vị còn {count} đảng viên đang sinh hoạt; hãy chuyển họ trước.',
    en: 'The unit still has {count} active members; transfer them first.',
  },
});

export interface OrgUnitDeps {
  db: Db;
  now: () => Date;
}

type CreateInput = z.output<typeof createOrgUnitBodySchema>;
type UpdateInput = z.output<typeof updateOrgUnitBodySchema>;
type MoveInput = z.output<typeof moveOrgUnitBodySchema>;
type MergeInput = z.output<typeof mergeOrgUnitsBodySchema>;
type DissolveInput = z.output<typeof dissolveOrgUnitBodySchema>;
type UnitView = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

/** The calendar date in Vietnam, where every effective date is meant. */
export function todayInVietnam(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
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

async function viewOf(db: Executor, id: string): Promise<OrgUnit> {
  const row = await repo.findUnit(db, id);
  if (!row) throw new NotFound();
  const [unit] = await withChildCounts(db, [row]);
  return unit!;
}

async function visibleUnit(db: Executor, actor: Actor, id: string): Promise<UnitView> {
  const row = await repo.findUnit(db, id, unitReadScope(actor));
  if (!row) throw new NotFound();
  return row;
}

function assertActive(unit: UnitView) {
  if (unit.status !== 'active') throw new Conflict('unit_closed', { name: unit.name });
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

function isWithin(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}.`);
}

/** Without a parent or a search: the top-most units the actor reaches — roots for an admin, grant units otherwise. */
function topUnitsCondition(actor: Actor): SQL {
  if (isAdmin(actor)) return isNull(orgUnits.parentId);
  const paths = actor.grants.map((g) => g.unitPath).filter((p): p is string => !!p);
  const tops = actor.grants.filter(
    (g) => g.unitPath && !paths.some((p) => p !== g.unitPath && g.unitPath!.startsWith(`${p}.`)),
  );
  const conditions: SQL[] = [];
  if (tops.length) conditions.push(sql`${orgUnits.id} in ${tops.map((g) => g.unitId!)}`);
  if (actor.memberId && actor.grants.some((g) => g.role === 'member')) {
    conditions.push(sql`${orgUnits.id} in (select m.cell_id from members m where m.id = ${actor.memberId})`);
    conditions.push(
      sql`${orgUnits.id} in (select m.residence_cell_id from members m where m.id = ${actor.memberId})`,
    );
  }
  return conditions.length ? or(...conditions)! : sql`false`;
}

export async function listUnits(
  deps: OrgUnitDeps,
  actor: Actor,
  query: { parentId?: string; q?: string; type?: UnitType; includeInactive?: boolean },
): Promise<OrgUnit[]> {
  const where: SQL[] = [unitReadScope(actor)];
  if (!query.includeInactive) where.push(eq(orgUnits.status, 'active'));
  if (query.type) where.push(eq(orgUnits.type, query.type));
  const parent = query.parentId ? await visibleUnit(deps.db, actor, query.parentId) : undefined;
  if (query.q) {
    where.push(sql`${orgUnits.searchName} like ${repo.searchPattern(query.q)}`);
    if (parent)
      where.push(sql`${orgUnits.path} <@ ${parent.path}::ltree`, sql`${orgUnits.id} <> ${parent.id}`);
  } else if (parent) {
    where.push(eq(orgUnits.parentId, parent.id));
  } else {
    where.push(topUnitsCondition(actor));
  }
  const rows = await repo.listUnits(deps.db, where, query.q ? 50 : undefined);
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
    canManage: unit.status === 'active' && canAdministerPath(actor, unit.path, { strict: true }),
    canEditDetails: unit.status === 'active' && canAdministerPath(actor, unit.path),
  };
}

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
      await repo.recordChildrenMoved(tx, source, target, effectiveDate, actor.userId);
      const movedChildren = await repo.moveActiveChildren(tx, source, target);
      const movedMembers = await repo.repointMembers(tx, source.id, target.id);
      await repo.transferMemberships(
        tx,
        source.id,
        target.id,
        effectiveDate,
        input.note ?? `${source.name} → ${target.name}`,
      );
      await repo.repointAreas(tx, source.id, target.id);
      // A grant on the closed source would reach nothing: revoke it and tell the holder.
      const revokedUserIds = await repo.revokeUnitGrants(tx, source.id, now);
      await notify(tx, {
        userIds: revokedUserIds,
        kind: 'unit_merged',
        params: { source: source.name, target: target.name },
        link: `/org/${target.id}`,
      });
      await repo.updateUnit(tx, source.id, {
        status: 'merged',
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
          status: 'merged',
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
    const children = await repo.countActiveChildUnits(tx, id);
    if (children > 0) throw new Conflict('unit_has_active_children', { count: children });
    const activeMembers = await repo.countActiveMembers(tx, id);
    if (activeMembers > 0) throw new Conflict('unit_has_active_members', { count: activeMembers });

    const now = deps.now();
    const revokedUserIds = await repo.revokeUnitGrants(tx, id, now);
    await notify(tx, {
      userIds: revokedUserIds,
      kind: 'unit_dissolved',
      params: { unit: unit.name },
      link: null,
    });
    await repo.updateUnit(tx, id, { status: 'dissolved', validTo: effectiveDate, updatedAt: now });
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
        status: 'dissolved',
        validTo: effectiveDate,
        revokedGrants: revokedUserIds.length,
        note: input.note ?? null,
      },
    });
  });
  return viewOf(deps.db, id);
}

export async function listResidentialAreas(
  deps: OrgUnitDeps,
  actor: Actor,
  query: { communeUnitId?: string },
) {
  const where: SQL[] = [unitReadScope(actor)];
  if (query.communeUnitId) where.push(eq(orgUnits.id, query.communeUnitId));
  return repo.listAreas(deps.db, where);
}
