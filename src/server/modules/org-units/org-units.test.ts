import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/common';
import {
  orgUnitDetailSchema,
  orgUnitListSchema,
  orgUnitSchema,
  residentialAreaListSchema,
} from '../../../shared/contracts/org-units';
import type { Database } from '../../db/client';
import {
  auditLog,
  members,
  notifications,
  orgUnits,
  roleGrants,
  unitEvents,
  unitMemberships,
} from '../../db/schema';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import {
  findUnit,
  newArea,
  newMember,
  newProvinceTree,
  newUnit,
  newUser,
} from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { canBeChildOf } from './org-units.rules';

let database: Database;
let t: TestApp;
let tree: Awaited<ReturnType<typeof newProvinceTree>>;
let otherCommune: Awaited<ReturnType<typeof newUnit>>;
let admin: Session;
let officer: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  tree = await newProvinceTree(database.db);
  otherCommune = await newUnit(database.db, {
    parent: tree.province,
    type: 'commune_committee',
    name: 'Phường Thành Vinh',
  });
  await newUser(database.db, { username: 'admin', grants: [{ role: 'admin' }] });
  await newUser(database.db, {
    username: 'officer',
    phone: '0987654321',
    displayName: 'Trần Thị Bí Thư',
    grants: [{ role: 'committee_officer', unitId: tree.commune.id, position: 'secretary' }],
  });
  admin = await loginAs(t.app, 'admin');
  officer = await loginAs(t.app, 'officer');
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const send = (s: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
  t.app.inject({ method, url, headers: s.headers, payload: payload as Record<string, unknown> });
const errorCode = (res: { json(): unknown }) => errorResponseSchema.parse(res.json()).error.code;

describe('type hierarchy', () => {
  it('keeps cells as leaves and communes under the province', () => {
    expect(canBeChildOf('commune_committee', 'province_committee')).toBe(true);
    expect(canBeChildOf('workplace_cell', 'commune_committee')).toBe(false);
    expect(canBeChildOf('residential_cell', 'workplace_committee')).toBe(false);
    expect(canBeChildOf('province_committee', null)).toBe(true);
  });
});

describe('GET /api/org-units', () => {
  it('gives an admin the roots with child counts and area names', async () => {
    const res = await get(admin, '/api/org-units');
    expect(res.statusCode).toBe(200);
    const { items } = orgUnitListSchema.parse(res.json());
    const province = items.find((u) => u.id === tree.province.id);
    expect(province).toMatchObject({ childCount: 3, parentId: null });
  });

  it('gives an officer their own commune as the top unit', async () => {
    const { items } = orgUnitListSchema.parse((await get(officer, '/api/org-units')).json());
    expect(items.map((u) => u.id)).toEqual([tree.commune.id]);
  });

  it('lists children in scope, with the residential area joined', async () => {
    const { items } = orgUnitListSchema.parse(
      (await get(officer, `/api/org-units?parentId=${tree.commune.id}`)).json(),
    );
    expect(items).toEqual([
      expect.objectContaining({
        id: tree.residentialCell.id,
        residentialAreaName: tree.area.name,
        childCount: 0,
      }),
    ]);
    // The officer sees the province (breadcrumbs) but, under it, only their own branch.
    const under = orgUnitListSchema.parse(
      (await get(officer, `/api/org-units?parentId=${tree.province.id}`)).json(),
    );
    expect(under.items.map((u) => u.id)).toEqual([tree.commune.id]);
  });

  it('searches names without diacritics', async () => {
    const { items } = orgUnitListSchema.parse((await get(admin, '/api/org-units?q=thanh%20vinh')).json());
    expect(items.map((u) => u.name)).toContain('Phường Thành Vinh');
    const none = orgUnitListSchema.parse((await get(officer, '/api/org-units?q=thanh%20vinh')).json());
    expect(none.items).toEqual([]);
  });

  it('shows closed units only when asked ("false" means false)', async () => {
    const closed = await newUnit(database.db, {
      parent: tree.province,
      type: 'commune_committee',
      name: 'Phường Đã Đóng',
      status: 'dissolved',
    });
    const ids = async (flag: string) =>
      orgUnitListSchema
        .parse((await get(admin, `/api/org-units?parentId=${tree.province.id}${flag}`)).json())
        .items.map((u) => u.id);
    expect(await ids('&includeInactive=true')).toContain(closed.id);
    expect(await ids('&includeInactive=false')).not.toContain(closed.id);
    expect(await ids('')).not.toContain(closed.id);
    // the OpenAPI document still builds with this query schema
    expect((await get(admin, '/api/openapi.json')).statusCode).toBe(200);
  });

  it('answers 404 for children of a unit the officer cannot see', async () => {
    expect((await get(officer, `/api/org-units?parentId=${otherCommune.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/org-units/:id', () => {
  it('returns ancestors, counts, officers and canManage', async () => {
    const worker = await newMember(database.db, {
      cellId: tree.workplaceCell.id,
      residenceCommuneId: tree.commune.id,
      residenceAreaId: tree.area.id,
    });
    await newMember(database.db, { cellId: tree.residentialCell.id });
    const res = await get(admin, `/api/org-units/${tree.commune.id}`);
    expect(res.statusCode).toBe(200);
    const detail = orgUnitDetailSchema.parse(res.json());
    expect(detail.ancestors.map((a) => a.id)).toEqual([tree.province.id]);
    expect(detail.counts).toEqual({
      childUnits: 1,
      members: 1,
      workingMembers: 0,
      residentWorkingMembers: 1,
    });
    expect(detail.officers).toEqual([
      {
        userId: expect.any(String),
        displayName: 'Trần Thị Bí Thư',
        role: 'committee_officer',
        position: 'secretary',
        phone: '0987654321',
      },
    ]);
    expect(detail.canManage).toBe(true);

    const cell = orgUnitDetailSchema.parse(
      (await get(admin, `/api/org-units/${tree.residentialCell.id}`)).json(),
    );
    expect(cell.counts.residentWorkingMembers).toBe(1); // by residential area
    const workplace = orgUnitDetailSchema.parse(
      (await get(admin, `/api/org-units/${tree.workplace.id}`)).json(),
    );
    expect(workplace.counts).toMatchObject({ members: 1, workingMembers: 1, residentWorkingMembers: 0 });
    expect(worker.id).toBeTruthy();

    // The officer may not restructure their own commune, only what is under it.
    const own = orgUnitDetailSchema.parse((await get(officer, `/api/org-units/${tree.commune.id}`)).json());
    expect(own.canManage).toBe(false);
    expect(own.canEditDetails).toBe(true);
  });

  it('answers 404 to an officer of another commune', async () => {
    const res = await get(officer, `/api/org-units/${otherCommune.id}`);
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('not_found');
  });
});

describe('POST /api/org-units', () => {
  it('creates a residential cell with a new area, its history and audit', async () => {
    const res = await send(officer, 'POST', '/api/org-units', {
      parentId: tree.commune.id,
      code: 'CB-K2',
      name: 'Chi bộ khối 2',
      type: 'residential_cell',
      newResidentialArea: { name: 'Khối 2', kind: 'block' },
    });
    expect(res.statusCode).toBe(201);
    const unit = orgUnitSchema.parse(res.json());
    expect(unit).toMatchObject({
      residentialAreaName: 'Khối 2',
      depth: tree.commune.depth + 1,
      status: 'active',
    });
    const row = await findUnit(database.db, unit.id);
    expect(row!.path).toBe(`${tree.commune.path}.${unit.id.replace(/-/g, '')}`);
    const events = await database.db.select().from(unitEvents).where(eq(unitEvents.unitId, unit.id));
    expect(events.map((e) => e.kind)).toEqual(['created']);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, unit.id));
    expect(audit.map((a) => a.action)).toEqual(['org_unit.created']);
  });

  it('refuses a bad type hierarchy with 422', async () => {
    const res = await send(admin, 'POST', '/api/org-units', {
      parentId: tree.workplace.id,
      code: 'BAD-1',
      name: 'Chi bộ sai chỗ',
      type: 'residential_cell',
      newResidentialArea: { name: 'Khối X', kind: 'block' },
    });
    expect(res.statusCode).toBe(422);
    expect(errorCode(res)).toBe('unit_type_not_allowed');
    const underCell = await send(admin, 'POST', '/api/org-units', {
      parentId: tree.workplaceCell.id,
      code: 'BAD-2',
      name: 'Tổ',
      type: 'workplace_cell',
    });
    expect(underCell.statusCode).toBe(422);
  });

  it('refuses a duplicate code with 409 and a clear message', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/org-units',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: {
        parentId: tree.province.id,
        code: tree.commune.code,
        name: 'Phường trùng mã',
        type: 'commune_committee',
      },
    });
    expect(res.statusCode).toBe(409);
    const body = errorResponseSchema.parse(res.json());
    expect(body.error.code).toBe('unit_code_taken');
    expect(body.error.message).toContain(tree.commune.code);
  });

  it('refuses a root to anyone but the admin, and a parent out of reach with 404', async () => {
    const root = await send(officer, 'POST', '/api/org-units', {
      parentId: null,
      code: 'ROOT-X',
      name: 'Tỉnh X',
      type: 'province_committee',
    });
    expect(root.statusCode).toBe(403);
    const elsewhere = await send(officer, 'POST', '/api/org-units', {
      parentId: otherCommune.id,
      code: 'ELSE-1',
      name: 'Chi bộ',
      type: 'residential_cell',
      newResidentialArea: { name: 'Khối Y', kind: 'block' },
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});

describe('PATCH /api/org-units/:id', () => {
  it('renames with a dated history entry and an audit diff', async () => {
    const unit = await newUnit(database.db, {
      parent: tree.province,
      type: 'commune_committee',
      name: 'Xã Cũ',
    });
    const res = await send(admin, 'PATCH', `/api/org-units/${unit.id}`, {
      name: 'Xã Mới',
      phone: '02383000000',
      effectiveDate: '2025-07-01',
    });
    expect(res.statusCode).toBe(200);
    expect(orgUnitSchema.parse(res.json())).toMatchObject({ name: 'Xã Mới', phone: '02383000000' });
    const [event] = await database.db.select().from(unitEvents).where(eq(unitEvents.unitId, unit.id));
    expect(event).toMatchObject({
      kind: 'renamed',
      fromValue: 'Xã Cũ',
      toValue: 'Xã Mới',
      effectiveDate: '2025-07-01',
    });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, unit.id), eq(auditLog.action, 'org_unit.updated')));
    expect(audit!.before).toEqual({ name: 'Xã Cũ', phone: null });
  });
});

describe('POST /api/org-units/:id/move', () => {
  it('rewrites the paths of the whole subtree and refuses a cycle', async () => {
    const districtA = await newUnit(database.db, {
      parent: tree.province,
      type: 'district_committee',
      name: 'Huyện A',
    });
    const districtB = await newUnit(database.db, {
      parent: tree.province,
      type: 'district_committee',
      name: 'Huyện B',
    });
    const commune = await newUnit(database.db, {
      parent: districtA,
      type: 'commune_committee',
      name: 'Xã Di Chuyển',
    });
    const area = await newArea(database.db, commune);
    const cell = await newUnit(database.db, {
      parent: commune,
      type: 'residential_cell',
      residentialAreaId: area.id,
    });

    const res = await send(admin, 'POST', `/api/org-units/${commune.id}/move`, {
      newParentId: districtB.id,
      effectiveDate: '2025-07-01',
    });
    expect(res.statusCode).toBe(200);
    expect(orgUnitSchema.parse(res.json()).parentId).toBe(districtB.id);
    const movedCell = await findUnit(database.db, cell.id);
    expect(movedCell!.path).toBe(
      `${districtB.path}.${commune.id.replace(/-/g, '')}.${cell.id.replace(/-/g, '')}`,
    );
    expect(movedCell!.depth).toBe(districtB.depth + 2);
    const [event] = await database.db.select().from(unitEvents).where(eq(unitEvents.unitId, commune.id));
    expect(event).toMatchObject({ kind: 'moved', fromValue: 'Huyện A', toValue: 'Huyện B' });

    const cycle = await send(admin, 'POST', `/api/org-units/${districtB.id}/move`, {
      newParentId: commune.id,
    });
    expect(cycle.statusCode).toBe(409);
    expect(errorCode(cycle)).toBe('unit_move_cycle');
    const misfit = await send(admin, 'POST', `/api/org-units/${cell.id}/move`, {
      newParentId: tree.workplace.id,
    });
    expect(misfit.statusCode).toBe(422);
  });

  it('answers 404 to an officer moving a unit of another commune', async () => {
    const res = await send(officer, 'POST', `/api/org-units/${otherCommune.id}/move`, {
      newParentId: tree.commune.id,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /api/org-units/:id/merge', () => {
  it('moves children, members and memberships to the target and closes the sources', async () => {
    const target = await newUnit(database.db, {
      parent: tree.province,
      type: 'commune_committee',
      name: 'Phường Vinh Phú',
    });
    const source = await newUnit(database.db, {
      parent: tree.province,
      type: 'commune_committee',
      name: 'Phường Lê Mao',
    });
    const area = await newArea(database.db, source);
    const cell = await newUnit(database.db, {
      parent: source,
      type: 'residential_cell',
      residentialAreaId: area.id,
    });
    const grandchild = cell; // cells are leaves; the cell's path proves the subtree moved
    const cellMember = await newMember(database.db, { cellId: cell.id });
    const sourceCellMember = await newMember(database.db, {
      cellId: tree.workplaceCell.id,
      residenceCommuneId: source.id,
    });
    const sourceOfficer = await newUser(database.db, {
      grants: [{ role: 'committee_officer', unitId: source.id }],
    });
    // A member attached to the source committee itself (party cell = source) to check memberships move.
    const direct = await newMember(database.db, { cellId: source.id });

    const res = await send(admin, 'POST', `/api/org-units/${target.id}/merge`, {
      sourceIds: [source.id],
      effectiveDate: '2025-07-01',
      note: 'Nghị quyết 1674',
    });
    expect(res.statusCode).toBe(200);
    expect(orgUnitSchema.parse(res.json()).childCount).toBe(1);

    const closed = await findUnit(database.db, source.id);
    expect(closed).toMatchObject({ status: 'merged', validTo: '2025-07-01', mergedIntoId: target.id });
    const movedCell = await findUnit(database.db, grandchild.id);
    expect(movedCell).toMatchObject({
      parentId: target.id,
      path: `${target.path}.${cell.id.replace(/-/g, '')}`,
    });
    const [m1] = await database.db.select().from(members).where(eq(members.id, sourceCellMember.id));
    expect(m1!.residenceCommuneId).toBe(target.id);
    const [m2] = await database.db.select().from(members).where(eq(members.id, direct.id));
    expect(m2!.cellId).toBe(target.id);
    expect(cellMember.cellId).toBe(cell.id);

    const memberships = await database.db
      .select()
      .from(unitMemberships)
      .where(eq(unitMemberships.memberId, direct.id));
    expect(memberships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitId: source.id, validTo: '2025-07-01' }),
        expect.objectContaining({ unitId: target.id, validFrom: '2025-07-01', validTo: null }),
      ]),
    );
    const [areaRow] = await database.db.query.residentialAreas.findMany({
      where: (a, { eq: e }) => e(a.id, area.id),
    });
    expect(areaRow!.communeUnitId).toBe(target.id);

    const grants = await database.db.select().from(roleGrants).where(eq(roleGrants.userId, sourceOfficer.id));
    expect(grants[0]!.revokedAt).not.toBeNull();
    const notes = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, sourceOfficer.id));
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'unit_merged',
        params: { source: 'Phường Lê Mao', target: 'Phường Vinh Phú' },
      }),
    ]);

    const sourceEvents = await database.db.select().from(unitEvents).where(eq(unitEvents.unitId, source.id));
    expect(sourceEvents).toEqual([expect.objectContaining({ kind: 'merged', toValue: 'Phường Vinh Phú' })]);
    const targetEvents = await database.db.select().from(unitEvents).where(eq(unitEvents.unitId, target.id));
    expect(targetEvents).toEqual([expect.objectContaining({ kind: 'absorbed', fromValue: 'Phường Lê Mao' })]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, source.id));
    expect(audit.map((a) => a.action)).toEqual(['org_unit.merged']);

    const again = await send(admin, 'POST', `/api/org-units/${target.id}/merge`, { sourceIds: [source.id] });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a different type or a related unit', async () => {
    const mismatch = await send(admin, 'POST', `/api/org-units/${tree.commune.id}/merge`, {
      sourceIds: [tree.workplace.id],
    });
    expect(mismatch.statusCode).toBe(422);
    const related = await send(admin, 'POST', `/api/org-units/${tree.commune.id}/merge`, {
      sourceIds: [tree.commune.id],
    });
    expect(related.statusCode).toBe(422);
  });

  it('answers 404 to an officer merging a unit of another commune', async () => {
    const mine = await newUnit(database.db, {
      parent: tree.commune,
      type: 'residential_cell',
      residentialAreaId: (await newArea(database.db, tree.commune)).id,
    });
    const res = await send(officer, 'POST', `/api/org-units/${mine.id}/merge`, {
      sourceIds: [otherCommune.id],
    });
    expect(res.statusCode).toBe(404);
    const target404 = await send(officer, 'POST', `/api/org-units/${otherCommune.id}/merge`, {
      sourceIds: [mine.id],
    });
    expect(target404.statusCode).toBe(404);
  });
});

describe('POST /api/org-units/:id/dissolve', () => {
  it('refuses a unit with children or members, and dissolves an empty one', async () => {
    const commune = await newUnit(database.db, {
      parent: tree.province,
      type: 'commune_committee',
      name: 'Xã Giải Thể',
    });
    const area = await newArea(database.db, commune);
    const cell = await newUnit(database.db, {
      parent: commune,
      type: 'residential_cell',
      residentialAreaId: area.id,
    });
    const member = await newMember(database.db, { cellId: cell.id });

    const withChildren = await send(admin, 'POST', `/api/org-units/${commune.id}/dissolve`, {});
    expect(withChildren.statusCode).toBe(409);
    expect(errorResponseSchema.parse(withChildren.json()).error).toMatchObject({
      code: 'unit_has_active_children',
      message: expect.stringContaining('1'),
    });
    const withMembers = await send(admin, 'POST', `/api/org-units/${cell.id}/dissolve`, {});
    expect(withMembers.statusCode).toBe(409);
    expect(errorCode(withMembers)).toBe('unit_has_active_members');

    await database.db.update(members).set({ status: 'transferred' }).where(eq(members.id, member.id));
    const ok = await send(admin, 'POST', `/api/org-units/${cell.id}/dissolve`, {
      effectiveDate: '2026-01-01',
      note: 'Sáp nhập khu dân cư',
    });
    expect(ok.statusCode).toBe(200);
    expect(orgUnitSchema.parse(ok.json())).toMatchObject({ status: 'dissolved', validTo: '2026-01-01' });
    const events = await database.db.select().from(unitEvents).where(eq(unitEvents.unitId, cell.id));
    expect(events.map((e) => e.kind)).toEqual(['dissolved']);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, cell.id), eq(auditLog.action, 'org_unit.dissolved')));
    expect(audit).toBeTruthy();
    const [row] = await database.db.select().from(orgUnits).where(eq(orgUnits.id, commune.id));
    expect(row!.status).toBe('active');
  });
});

describe('GET /api/residential-areas', () => {
  it('lists the areas of a visible commune, and none of another', async () => {
    const res = await get(officer, `/api/residential-areas?communeUnitId=${tree.commune.id}`);
    const { items } = residentialAreaListSchema.parse(res.json());
    expect(items.map((a) => a.id)).toContain(tree.area.id);
    const other = await newArea(database.db, otherCommune);
    const hidden = residentialAreaListSchema.parse(
      (await get(officer, `/api/residential-areas?communeUnitId=${otherCommune.id}`)).json(),
    );
    expect(hidden.items).toEqual([]);
    const asAdmin = residentialAreaListSchema.parse(
      (await get(admin, `/api/residential-areas?communeUnitId=${otherCommune.id}`)).json(),
    );
    expect(asAdmin.items.map((a) => a.id)).toEqual([other.id]);
  });
});
