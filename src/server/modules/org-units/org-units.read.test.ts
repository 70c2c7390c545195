import { describe, expect, it } from 'vitest';
import {
  orgUnitDetailSchema,
  orgUnitListSchema,
  residentialAreaListSchema,
} from '../../../shared/contracts/org-units';
import { newArea, newMember, newUnit } from '../../../../tests/fixtures/factories';
import { errorCode, useOrgUnitWorld } from './org-units.fixture';
import { canBeChildOf } from './org-units.rules';

const w = useOrgUnitWorld();
const { get } = w;

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
    const res = await get(w.admin, '/api/org-units');
    expect(res.statusCode).toBe(200);
    const { items } = orgUnitListSchema.parse(res.json());
    const province = items.find((u) => u.id === w.tree.province.id);
    expect(province).toMatchObject({ childCount: 3, parentId: null });
  });

  it('gives an officer their own commune as the top unit', async () => {
    const { items } = orgUnitListSchema.parse((await get(w.officer, '/api/org-units')).json());
    expect(items.map((u) => u.id)).toEqual([w.tree.commune.id]);
  });

  it('lists children in scope, with the residential area joined', async () => {
    const { items } = orgUnitListSchema.parse(
      (await get(w.officer, `/api/org-units?parentId=${w.tree.commune.id}`)).json(),
    );
    expect(items).toEqual([
      expect.objectContaining({
        id: w.tree.residentialCell.id,
        residentialAreaName: w.tree.area.name,
        childCount: 0,
      }),
    ]);
    // The officer sees the province (breadcrumbs) but, under it, only their own branch.
    const under = orgUnitListSchema.parse(
      (await get(w.officer, `/api/org-units?parentId=${w.tree.province.id}`)).json(),
    );
    expect(under.items.map((u) => u.id)).toEqual([w.tree.commune.id]);
  });

  it('searches names without diacritics', async () => {
    const { items } = orgUnitListSchema.parse((await get(w.admin, '/api/org-units?q=thanh%20vinh')).json());
    expect(items.map((u) => u.name)).toContain('Phường Thành Vinh');
    const none = orgUnitListSchema.parse((await get(w.officer, '/api/org-units?q=thanh%20vinh')).json());
    expect(none.items).toEqual([]);
  });

  it('shows closed units only when asked ("false" means false)', async () => {
    const closed = await newUnit(w.database.db, {
      parent: w.tree.province,
      type: 'commune_committee',
      name: 'Phường Đã Đóng',
      status: 'dissolved',
    });
    const ids = async (flag: string) =>
      orgUnitListSchema
        .parse((await get(w.admin, `/api/org-units?parentId=${w.tree.province.id}${flag}`)).json())
        .items.map((u) => u.id);
    expect(await ids('&includeInactive=true')).toContain(closed.id);
    expect(await ids('&includeInactive=false')).not.toContain(closed.id);
    expect(await ids('')).not.toContain(closed.id);
    // the OpenAPI document still builds with this query schema
    expect((await get(w.admin, '/api/openapi.json')).statusCode).toBe(200);
  });

  it('answers 404 for children of a unit the officer cannot see', async () => {
    expect((await get(w.officer, `/api/org-units?parentId=${w.otherCommune.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/org-units/:id', () => {
  it('returns ancestors, counts, officers and canManage', async () => {
    const worker = await newMember(w.database.db, {
      cellId: w.tree.workplaceCell.id,
      residenceCommuneId: w.tree.commune.id,
      residenceAreaId: w.tree.area.id,
    });
    await newMember(w.database.db, { cellId: w.tree.residentialCell.id });
    const res = await get(w.admin, `/api/org-units/${w.tree.commune.id}`);
    expect(res.statusCode).toBe(200);
    const detail = orgUnitDetailSchema.parse(res.json());
    expect(detail.ancestors.map((a) => a.id)).toEqual([w.tree.province.id]);
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
      (await get(w.admin, `/api/org-units/${w.tree.residentialCell.id}`)).json(),
    );
    expect(cell.counts.residentWorkingMembers).toBe(1); // by residential area
    const workplace = orgUnitDetailSchema.parse(
      (await get(w.admin, `/api/org-units/${w.tree.workplace.id}`)).json(),
    );
    expect(workplace.counts).toMatchObject({ members: 1, workingMembers: 1, residentWorkingMembers: 0 });
    expect(worker.id).toBeTruthy();

    // The officer may not restructure their own commune, only what is under it.
    const own = orgUnitDetailSchema.parse(
      (await get(w.officer, `/api/org-units/${w.tree.commune.id}`)).json(),
    );
    expect(own.canManage).toBe(false);
    expect(own.canEditDetails).toBe(true);
  });

  it('answers 404 to an officer of another commune', async () => {
    const res = await get(w.officer, `/api/org-units/${w.otherCommune.id}`);
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('not_found');
  });
});

describe('GET /api/residential-areas', () => {
  it('lists the areas of a visible commune, and none of another', async () => {
    const res = await get(w.officer, `/api/residential-areas?communeUnitId=${w.tree.commune.id}`);
    const { items } = residentialAreaListSchema.parse(res.json());
    expect(items.map((a) => a.id)).toContain(w.tree.area.id);
    const other = await newArea(w.database.db, w.otherCommune);
    const hidden = residentialAreaListSchema.parse(
      (await get(w.officer, `/api/residential-areas?communeUnitId=${w.otherCommune.id}`)).json(),
    );
    expect(hidden.items).toEqual([]);
    const asAdmin = residentialAreaListSchema.parse(
      (await get(w.admin, `/api/residential-areas?communeUnitId=${w.otherCommune.id}`)).json(),
    );
    expect(asAdmin.items.map((a) => a.id)).toEqual([other.id]);
  });
});
