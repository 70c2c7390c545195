import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/common';
import { orgUnitSchema } from '../../../shared/contracts/org-units';
import {
  auditLog,
  members,
  notifications,
  orgUnits,
  roleGrants,
  unitEvents,
  unitMemberships,
} from '../../db/schema';
import { findUnit, newArea, newMember, newUnit, newUser } from '../../../../tests/fixtures/factories';
import { errorCode, useOrgUnitWorld } from './org-units.fixture';

const w = useOrgUnitWorld();
const { send } = w;

describe('POST /api/org-units/:id/move', () => {
  it('rewrites the paths of the whole subtree and refuses a cycle', async () => {
    const districtA = await newUnit(w.database.db, {
      parent: w.tree.province,
      type: 'district_committee',
      name: 'Huyện A',
    });
    const districtB = await newUnit(w.database.db, {
      parent: w.tree.province,
      type: 'district_committee',
      name: 'Huyện B',
    });
    const commune = await newUnit(w.database.db, {
      parent: districtA,
      type: 'commune_committee',
      name: 'Xã Di Chuyển',
    });
    const area = await newArea(w.database.db, commune);
    const cell = await newUnit(w.database.db, {
      parent: commune,
      type: 'residential_cell',
      residentialAreaId: area.id,
    });

    const res = await send(w.admin, 'POST', `/api/org-units/${commune.id}/move`, {
      newParentId: districtB.id,
      effectiveDate: '2025-07-01',
    });
    expect(res.statusCode).toBe(200);
    expect(orgUnitSchema.parse(res.json()).parentId).toBe(districtB.id);
    const movedCell = await findUnit(w.database.db, cell.id);
    expect(movedCell!.path).toBe(
      `${districtB.path}.${commune.id.replace(/-/g, '')}.${cell.id.replace(/-/g, '')}`,
    );
    expect(movedCell!.depth).toBe(districtB.depth + 2);
    const [event] = await w.database.db.select().from(unitEvents).where(eq(unitEvents.unitId, commune.id));
    expect(event).toMatchObject({ kind: 'moved', fromValue: 'Huyện A', toValue: 'Huyện B' });

    const cycle = await send(w.admin, 'POST', `/api/org-units/${districtB.id}/move`, {
      newParentId: commune.id,
    });
    expect(cycle.statusCode).toBe(409);
    expect(errorCode(cycle)).toBe('unit_move_cycle');
    const misfit = await send(w.admin, 'POST', `/api/org-units/${cell.id}/move`, {
      newParentId: w.tree.workplace.id,
    });
    expect(misfit.statusCode).toBe(422);
  });

  it('answers 404 to an officer moving a unit of another commune', async () => {
    const res = await send(w.officer, 'POST', `/api/org-units/${w.otherCommune.id}/move`, {
      newParentId: w.tree.commune.id,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /api/org-units/:id/merge', () => {
  it('moves children, members and memberships to the target and closes the sources', async () => {
    const target = await newUnit(w.database.db, {
      parent: w.tree.province,
      type: 'commune_committee',
      name: 'Phường Vinh Phú',
    });
    const source = await newUnit(w.database.db, {
      parent: w.tree.province,
      type: 'commune_committee',
      name: 'Phường Lê Mao',
    });
    const area = await newArea(w.database.db, source);
    const cell = await newUnit(w.database.db, {
      parent: source,
      type: 'residential_cell',
      residentialAreaId: area.id,
    });
    const grandchild = cell; // cells are leaves; the cell's path proves the subtree moved
    const cellMember = await newMember(w.database.db, { cellId: cell.id });
    const sourceCellMember = await newMember(w.database.db, {
      cellId: w.tree.workplaceCell.id,
      residenceCommuneId: source.id,
    });
    const sourceOfficer = await newUser(w.database.db, {
      grants: [{ role: 'committee_officer', unitId: source.id }],
    });
    // A member attached to the source committee itself (party cell = source) to check memberships move.
    const direct = await newMember(w.database.db, { cellId: source.id });

    const res = await send(w.admin, 'POST', `/api/org-units/${target.id}/merge`, {
      sourceIds: [source.id],
      effectiveDate: '2025-07-01',
      note: 'Nghị quyết 1674',
    });
    expect(res.statusCode).toBe(200);
    expect(orgUnitSchema.parse(res.json()).childCount).toBe(1);

    const closed = await findUnit(w.database.db, source.id);
    expect(closed).toMatchObject({ status: 'merged', validTo: '2025-07-01', mergedIntoId: target.id });
    const movedCell = await findUnit(w.database.db, grandchild.id);
    expect(movedCell).toMatchObject({
      parentId: target.id,
      path: `${target.path}.${cell.id.replace(/-/g, '')}`,
    });
    const [m1] = await w.database.db.select().from(members).where(eq(members.id, sourceCellMember.id));
    expect(m1!.residenceCommuneId).toBe(target.id);
    const [m2] = await w.database.db.select().from(members).where(eq(members.id, direct.id));
    expect(m2!.cellId).toBe(target.id);
    expect(cellMember.cellId).toBe(cell.id);

    const memberships = await w.database.db
      .select()
      .from(unitMemberships)
      .where(eq(unitMemberships.memberId, direct.id));
    expect(memberships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitId: source.id, validTo: '2025-07-01' }),
        expect.objectContaining({ unitId: target.id, validFrom: '2025-07-01', validTo: null }),
      ]),
    );
    const [areaRow] = await w.database.db.query.residentialAreas.findMany({
      where: (a, { eq: e }) => e(a.id, area.id),
    });
    expect(areaRow!.communeUnitId).toBe(target.id);

    const grants = await w.database.db
      .select()
      .from(roleGrants)
      .where(eq(roleGrants.userId, sourceOfficer.id));
    expect(grants[0]!.revokedAt).not.toBeNull();
    const notes = await w.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, sourceOfficer.id));
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'unit_merged',
        params: { source: 'Phường Lê Mao', target: 'Phường Vinh Phú' },
      }),
    ]);

    const sourceEvents = await w.database.db
      .select()
      .from(unitEvents)
      .where(eq(unitEvents.unitId, source.id));
    expect(sourceEvents).toEqual([expect.objectContaining({ kind: 'merged', toValue: 'Phường Vinh Phú' })]);
    const targetEvents = await w.database.db
      .select()
      .from(unitEvents)
      .where(eq(unitEvents.unitId, target.id));
    expect(targetEvents).toEqual([expect.objectContaining({ kind: 'absorbed', fromValue: 'Phường Lê Mao' })]);
    const audit = await w.database.db.select().from(auditLog).where(eq(auditLog.entityId, source.id));
    expect(audit.map((a) => a.action)).toEqual(['org_unit.merged']);

    const again = await send(w.admin, 'POST', `/api/org-units/${target.id}/merge`, {
      sourceIds: [source.id],
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a different type or a related unit', async () => {
    const mismatch = await send(w.admin, 'POST', `/api/org-units/${w.tree.commune.id}/merge`, {
      sourceIds: [w.tree.workplace.id],
    });
    expect(mismatch.statusCode).toBe(422);
    const related = await send(w.admin, 'POST', `/api/org-units/${w.tree.commune.id}/merge`, {
      sourceIds: [w.tree.commune.id],
    });
    expect(related.statusCode).toBe(422);
  });

  it('answers 404 to an officer merging a unit of another commune', async () => {
    const mine = await newUnit(w.database.db, {
      parent: w.tree.commune,
      type: 'residential_cell',
      residentialAreaId: (await newArea(w.database.db, w.tree.commune)).id,
    });
    const res = await send(w.officer, 'POST', `/api/org-units/${mine.id}/merge`, {
      sourceIds: [w.otherCommune.id],
    });
    expect(res.statusCode).toBe(404);
    const target404 = await send(w.officer, 'POST', `/api/org-units/${w.otherCommune.id}/merge`, {
      sourceIds: [mine.id],
    });
    expect(target404.statusCode).toBe(404);
  });
});

describe('POST /api/org-units/:id/dissolve', () => {
  it('refuses a unit with children or members, and dissolves an empty one', async () => {
    const commune = await newUnit(w.database.db, {
      parent: w.tree.province,
      type: 'commune_committee',
      name: 'Xã Giải Thể',
    });
    const area = await newArea(w.database.db, commune);
    const cell = await newUnit(w.database.db, {
      parent: commune,
      type: 'residential_cell',
      residentialAreaId: area.id,
    });
    const member = await newMember(w.database.db, { cellId: cell.id });

    const withChildren = await send(w.admin, 'POST', `/api/org-units/${commune.id}/dissolve`, {});
    expect(withChildren.statusCode).toBe(409);
    expect(errorResponseSchema.parse(withChildren.json()).error).toMatchObject({
      code: 'unit_has_active_children',
      message: expect.stringContaining('1'),
    });
    const withMembers = await send(w.admin, 'POST', `/api/org-units/${cell.id}/dissolve`, {});
    expect(withMembers.statusCode).toBe(409);
    expect(errorCode(withMembers)).toBe('unit_has_active_members');

    await w.database.db.update(members).set({ status: 'transferred' }).where(eq(members.id, member.id));
    const ok = await send(w.admin, 'POST', `/api/org-units/${cell.id}/dissolve`, {
      effectiveDate: '2026-01-01',
      note: 'Sáp nhập khu dân cư',
    });
    expect(ok.statusCode).toBe(200);
    expect(orgUnitSchema.parse(ok.json())).toMatchObject({ status: 'dissolved', validTo: '2026-01-01' });
    const events = await w.database.db.select().from(unitEvents).where(eq(unitEvents.unitId, cell.id));
    expect(events.map((e) => e.kind)).toEqual(['dissolved']);
    const [audit] = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, cell.id), eq(auditLog.action, 'org_unit.dissolved')));
    expect(audit).toBeTruthy();
    const [row] = await w.database.db.select().from(orgUnits).where(eq(orgUnits.id, commune.id));
    expect(row!.status).toBe('active');
  });
});
