import { expect } from 'vitest';
import { dashboardSchema, type Dashboard } from '../../../shared/contracts/reports';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newArea, newMember, newProvinceTree, newUnit, newUser } from '../../../../tests/fixtures/factories';
import {
  newClassification,
  newContribution,
  newDispute,
  newEvaluation,
  newLetter,
  newMeeting,
  newRequest,
  newSelfReport,
  newWarning,
} from '../../../../tests/fixtures/domain-factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/**
 * The small tree the dashboard tests read, built with factories (not the demo seed): a province with its
 * communes, cells and a workplace, a second province out of reach, and every kind of record a figure counts.
 * Each test file builds its own; the tests only read it.
 */
export interface DashboardWorld {
  database: Database;
  t: TestApp;
  a: Awaited<ReturnType<typeof newProvinceTree>>;
  s: Record<'province' | 'commune' | 'otherCommune' | 'workplace' | 'secretary' | 'admin', Session>;
  u: Record<string, { id: string }>;
  m: Record<string, { id: string }>;
}

const FULL = {
  example: 'good',
  civic: 'leading',
  attendance: 'full',
  contact: 'regular',
  campaigns: 'active',
  proposal: 'none',
};

/** GET as a session, and the dashboard parsed by its contract. */
export function readers(t: TestApp) {
  const get = (who: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const dashboard = async (who: Session, query = '') => {
    const res = await get(who, `/api/reports/dashboard${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return dashboardSchema.parse(res.json());
  };
  return { get, dashboard };
}

export const row = (d: Dashboard, unitId: string) => d.children.find((c) => c.unitId === unitId)!;

export async function buildDashboardWorld(): Promise<DashboardWorld> {
  const u: DashboardWorld['u'] = {};
  const m: DashboardWorld['m'] = {};
  const database = await createTestDatabase();
  const t = await buildTestApp(database);
  const db = database.db;
  const a = await newProvinceTree(db, 'R');
  const other = await newProvinceTree(db, 'Q');
  const area2 = await newArea(db, a.commune, { name: 'Khối R2' });
  u.cell2 = await newUnit(db, {
    parent: a.commune,
    type: 'residential_cell',
    name: 'Chi bộ khối R2',
    residentialAreaId: area2.id,
  });
  u.commune2 = await newUnit(db, { parent: a.province, type: 'commune_committee', name: 'Đảng bộ xã R3' });
  const wp = { cellId: a.workplaceCell.id };
  const home = { residenceCommuneId: a.commune.id };
  // placed in cell 1; living in area 2 not yet placed (overdue letter); exempt; not to introduce; no area known
  m.placed = await newMember(db, {
    ...wp,
    ...home,
    fullName: 'Nguyễn Văn An',
    residenceAreaId: a.area.id,
    residenceCellId: a.residentialCell.id,
    registeredCommune: 'Xã Nghi Lộc',
  });
  m.waiting = await newMember(db, { ...wp, ...home, fullName: 'Trần Thị Bình', residenceAreaId: area2.id });
  m.exempt = await newMember(db, {
    ...wp,
    ...home,
    fullName: 'Lê Văn Cường',
    residenceAreaId: a.area.id,
    residenceCellId: a.residentialCell.id,
    category: 'exempt',
  });
  m.secret = await newMember(db, { ...wp, fullName: 'Phạm Văn Dũng', category: 'not_introduced' });
  m.noArea = await newMember(db, { ...wp, ...home, fullName: 'Hoàng Thị Em' });
  // a retired member of the residential cell is not a working member: counted nowhere here
  m.retired = await newMember(db, {
    cellId: a.residentialCell.id,
    ...home,
    residenceCellId: a.residentialCell.id,
    fullName: 'Đỗ Văn Giàu',
  });
  m.elsewhere = await newMember(db, {
    cellId: other.workplaceCell.id,
    residenceCommuneId: other.commune.id,
    fullName: 'Vũ Văn Hải',
  });

  const letter = { issuingUnitId: a.workplace.id, receivingCommuneId: a.commune.id };
  await newLetter(db, {
    ...letter,
    memberId: m.placed.id,
    status: 'acknowledged',
    residenceCellId: a.residentialCell.id,
    issuedAt: new Date('2026-02-01T02:00:00Z'),
  });
  await newLetter(db, {
    ...letter,
    memberId: m.waiting.id,
    status: 'issued',
    residenceAreaId: area2.id,
    issuedAt: new Date('2026-10-01T02:00:00Z'),
  });
  await newLetter(db, {
    ...letter,
    memberId: m.exempt.id,
    status: 'placed',
    residenceCellId: a.residentialCell.id,
    issuedAt: new Date('2025-06-01T02:00:00Z'),
  });
  await newRequest(db, {
    communeId: a.commune.id,
    workplaceUnitId: a.workplace.id,
    fullName: 'Ngô Văn Khải',
    cardNumber: '79000001',
  });

  // Art. 4.3: cell 1 met in both halves; cell 2 never
  await newMeeting(db, {
    cellId: a.residentialCell.id,
    startsAt: new Date('2026-03-15T01:00:00Z'),
    attendance: [
      { memberId: m.placed.id, status: 'present' },
      { memberId: m.exempt.id, status: 'excused_exempt' },
    ],
  });
  await newMeeting(db, {
    cellId: a.residentialCell.id,
    startsAt: new Date('2026-09-15T01:00:00Z'),
    attendance: [{ memberId: m.placed.id, status: 'absent_unexcused' }],
  });
  await newMeeting(db, {
    cellId: a.residentialCell.id,
    startsAt: new Date('2026-10-02T01:00:00Z'),
    kind: 'extraordinary',
    attendance: [{ memberId: m.placed.id, status: 'late' }],
  });
  await newMeeting(db, {
    cellId: u.cell2.id,
    startsAt: new Date('2026-12-20T01:00:00Z'),
    status: 'scheduled',
  });
  await newMeeting(db, {
    cellId: u.cell2.id,
    startsAt: new Date('2026-05-20T01:00:00Z'),
    status: 'cancelled',
  });
  await newWarning(db, { memberId: m.placed.id, cellId: a.residentialCell.id });
  await newWarning(db, { memberId: m.exempt.id, cellId: a.residentialCell.id, status: 'escalated' });
  await newContribution(db, {
    unitId: a.residentialCell.id,
    memberId: m.placed.id,
    workDays: '2.5',
    moneyVnd: 300_000,
  });
  await newContribution(db, { unitId: a.residentialCell.id, memberId: m.placed.id, status: 'proposed' });

  // the yearly evaluation: An's comment confirmed and negative on attendance while work rates him excellent
  const ev = { workplaceUnitId: a.workplace.id, communeId: a.commune.id };
  const an = await newEvaluation(db, {
    ...ev,
    memberId: m.placed.id,
    cellId: a.residentialCell.id,
    status: 'released',
    ratings: { ...FULL, attendance: 'none' },
    flags: [
      {
        code: 'attendance_none_but_attended',
        criterion: 'attendance',
        metric: 'meetingsAttended',
        actual: 1,
      },
    ],
    justifications: { attendance: 'Chỉ dự một buổi bất thường, vắng buổi định kỳ' },
  });
  await newDispute(db, { evaluationId: an.id, status: 'closed', outcome: 'upheld' });
  await newClassification(db, { memberId: m.placed.id, score: 93, level: 'excellent' });
  await newSelfReport(db, { memberId: m.placed.id });
  await newEvaluation(db, {
    ...ev,
    memberId: m.waiting.id,
    residenceAreaId: area2.id,
    status: 'requested',
    dueDate: '2026-11-01',
  });
  await newEvaluation(db, {
    ...ev,
    memberId: m.noArea.id,
    status: 'drafted',
    ratings: FULL,
    dueDate: '2026-12-20',
  });
  await newEvaluation(db, {
    ...ev,
    memberId: m.exempt.id,
    cellId: a.residentialCell.id,
    kind: 'on_demand',
    purpose: 'appointment',
    formKind: 'exempt',
  });

  await newUser(db, { username: 'province', grants: [{ role: 'committee_officer', unitId: a.province.id }] });
  await newUser(db, { username: 'commune', grants: [{ role: 'committee_officer', unitId: a.commune.id }] });
  await newUser(db, {
    username: 'other.commune',
    grants: [{ role: 'committee_officer', unitId: other.commune.id }],
  });
  await newUser(db, {
    username: 'workplace',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id }],
  });
  await newUser(db, {
    username: 'secretary',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  await newUser(db, { username: 'admin', grants: [{ role: 'admin' }] });
  const s: DashboardWorld['s'] = {
    province: await loginAs(t.app, 'province'),
    commune: await loginAs(t.app, 'commune'),
    otherCommune: await loginAs(t.app, 'other.commune'),
    workplace: await loginAs(t.app, 'workplace'),
    secretary: await loginAs(t.app, 'secretary'),
    admin: await loginAs(t.app, 'admin'),
  };
  return { database, t, a, s, u, m };
}
