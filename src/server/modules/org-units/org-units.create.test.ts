import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/common';
import { orgUnitSchema } from '../../../shared/contracts/org-units';
import { auditLog, unitEvents } from '../../db/schema';
import { findUnit, newUnit } from '../../../../tests/fixtures/factories';
import { errorCode, useOrgUnitWorld } from './org-units.fixture';

const w = useOrgUnitWorld();
const { send } = w;

describe('POST /api/org-units', () => {
  it('creates a residential cell with a new area, its history and audit', async () => {
    const res = await send(w.officer, 'POST', '/api/org-units', {
      parentId: w.tree.commune.id,
      code: 'CB-K2',
      name: 'Chi bộ khối 2',
      type: 'residential_cell',
      newResidentialArea: { name: 'Khối 2', kind: 'block' },
    });
    expect(res.statusCode).toBe(201);
    const unit = orgUnitSchema.parse(res.json());
    expect(unit).toMatchObject({
      residentialAreaName: 'Khối 2',
      depth: w.tree.commune.depth + 1,
      status: 'active',
    });
    const row = await findUnit(w.database.db, unit.id);
    expect(row!.path).toBe(`${w.tree.commune.path}.${unit.id.replace(/-/g, '')}`);
    const events = await w.database.db.select().from(unitEvents).where(eq(unitEvents.unitId, unit.id));
    expect(events.map((e) => e.kind)).toEqual(['created']);
    const audit = await w.database.db.select().from(auditLog).where(eq(auditLog.entityId, unit.id));
    expect(audit.map((a) => a.action)).toEqual(['org_unit.created']);
  });

  it('refuses a bad type hierarchy with 422', async () => {
    const res = await send(w.admin, 'POST', '/api/org-units', {
      parentId: w.tree.workplace.id,
      code: 'BAD-1',
      name: 'Chi bộ sai chỗ',
      type: 'residential_cell',
      newResidentialArea: { name: 'Khối X', kind: 'block' },
    });
    expect(res.statusCode).toBe(422);
    expect(errorCode(res)).toBe('unit_type_not_allowed');
    const underCell = await send(w.admin, 'POST', '/api/org-units', {
      parentId: w.tree.workplaceCell.id,
      code: 'BAD-2',
      name: 'Tổ',
      type: 'workplace_cell',
    });
    expect(underCell.statusCode).toBe(422);
  });

  it('refuses a duplicate code with 409 and a clear message', async () => {
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/api/org-units',
      headers: { ...w.admin.headers, 'accept-language': 'en' },
      payload: {
        parentId: w.tree.province.id,
        code: w.tree.commune.code,
        name: 'Phường trùng mã',
        type: 'commune_committee',
      },
    });
    expect(res.statusCode).toBe(409);
    const body = errorResponseSchema.parse(res.json());
    expect(body.error.code).toBe('unit_code_taken');
    expect(body.error.message).toContain(w.tree.commune.code);
  });

  it('refuses a root to anyone but the admin, and a parent out of reach with 404', async () => {
    const root = await send(w.officer, 'POST', '/api/org-units', {
      parentId: null,
      code: 'ROOT-X',
      name: 'Tỉnh X',
      type: 'province_committee',
    });
    expect(root.statusCode).toBe(403);
    const elsewhere = await send(w.officer, 'POST', '/api/org-units', {
      parentId: w.otherCommune.id,
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
    const unit = await newUnit(w.database.db, {
      parent: w.tree.province,
      type: 'commune_committee',
      name: 'Xã Cũ',
    });
    const res = await send(w.admin, 'PATCH', `/api/org-units/${unit.id}`, {
      name: 'Xã Mới',
      phone: '02383000000',
      effectiveDate: '2025-07-01',
    });
    expect(res.statusCode).toBe(200);
    expect(orgUnitSchema.parse(res.json())).toMatchObject({ name: 'Xã Mới', phone: '02383000000' });
    const [event] = await w.database.db.select().from(unitEvents).where(eq(unitEvents.unitId, unit.id));
    expect(event).toMatchObject({
      kind: 'renamed',
      fromValue: 'Xã Cũ',
      toValue: 'Xã Mới',
      effectiveDate: '2025-07-01',
    });
    const [audit] = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, unit.id), eq(auditLog.action, 'org_unit.updated')));
    expect(audit!.before).toEqual({ name: 'Xã Cũ', phone: null });
  });
});
