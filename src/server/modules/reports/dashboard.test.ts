import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSchema, drillListSchema, type Dashboard } from '../../../shared/contracts/reports';
import { figureColumns } from '../../../shared/rules/report-columns';
import { figureKeys, reportFigures } from '../../../shared/rules/report-figures';
import { queryRows, type Database } from '../../db/client';
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
import { figureSources } from './figures/figure-sources';

/**
 * Every figure's definition on a small tree built with factories: the province sees both sides, the sums of
 * the child rows and the unit's own row give the total, and each figure's list has as many rows as its
 * number. Forbidden paths answer "not found".
 */

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'province' | 'commune' | 'otherCommune' | 'workplace' | 'secretary' | 'admin', Session>;
const u: Record<string, { id: string }> = {};
const m: Record<string, { id: string }> = {};

const get = (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const dashboard = async (who: Session, query = '') => {
  const res = await get(who, `/api/reports/dashboard${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return dashboardSchema.parse(res.json());
};
const row = (d: Dashboard, unitId: string) => d.children.find((c) => c.unitId === unitId)!;
const FULL = {
  example: 'good',
  civic: 'leading',
  attendance: 'full',
  contact: 'regular',
  campaigns: 'active',
  proposal: 'none',
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const db = database.db;
  a = await newProvinceTree(db, 'R');
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
  s = {
    province: await loginAs(t.app, 'province'),
    commune: await loginAs(t.app, 'commune'),
    otherCommune: await loginAs(t.app, 'other.commune'),
    workplace: await loginAs(t.app, 'workplace'),
    secretary: await loginAs(t.app, 'secretary'),
    admin: await loginAs(t.app, 'admin'),
  };
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('figure catalogue', () => {
  it('defines every figure in exactly one source, on the sides the catalogue names', () => {
    const ctx = {
      years: [2026],
      now: new Date(),
      today: '2026-11-23',
      overdueBefore: new Date(),
      requiredMeetings: 1,
    };
    for (const key of figureKeys) {
      const defining = figureSources.filter((src) => key in src.figures(ctx));
      expect(
        defining.map((d) => d.name),
        key,
      ).toHaveLength(1);
      for (const side of reportFigures[key].sides)
        expect(defining[0]!.sides[side], `${key} on ${side}`).toBeDefined();
    }
  });
});

describe('dashboard figures', () => {
  it('starts a province officer at the province, with both sides counted', async () => {
    const d = await dashboard(s.province);
    expect(d.unit?.id).toBe(a.province.id);
    expect(d.year).toBe(2026);
    expect(d.halves).toEqual([
      { half: 1, state: 'ended' },
      { half: 2, state: 'current' },
    ]);
    const r = d.total.residence;
    const w = d.total.workplace;
    // five working members; the retired member of a residential cell is not one of them
    expect(w.workingMembers).toBe(5);
    expect(r.workingMembers).toBe(4);
    expect([w.categoryActive, w.categoryExempt, w.categoryNotIntroduced]).toEqual([3, 1, 1]);
    expect(w.stagePlaced).toBe(1);
    expect(w.stageAwaitingReceipt).toBe(1);
    expect(w.stageAwaitingAcknowledgement).toBe(1);
    expect(w.stageNotToIntroduce).toBe(1);
    expect(w.stageNotIntroduced).toBe(1);
    expect(w.lettersOverdue).toBe(1);
    expect(r.placedInCell).toBe(2);
    expect(r.notPlaced).toBe(2);
    expect(r.livesAway).toBe(1);
    expect(w.noResidenceKnown).toBe(1);
    expect(r.requestsOpen).toBe(1);
    expect(w.requestsOpen).toBe(1);
    expect(w.lettersIssued).toBe(2);
  });

  it('counts cell life per half-year: meetings, cells that met, attendance, warnings, contributions', async () => {
    const r = (await dashboard(s.province)).total.residence;
    expect(r.cellsTotal).toBe(2);
    expect([r.cellsMetH1, r.cellsNotMetH1, r.cellsMetH2, r.cellsNotMetH2, r.cellsMetBoth]).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect([r.meetingsHeldH1, r.meetingsHeldH2, r.meetingsExtraordinaryH2, r.meetingsCancelledH1]).toEqual([
      1, 1, 1, 1,
    ]);
    expect([r.attPresentH1, r.attExemptH1, r.attUnexcusedH2, r.attPresentH2, r.attLateH2]).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect([r.warningsOpen, r.warningsEscalated, r.warningsIssued]).toEqual([1, 1, 2]);
    expect([r.activities, r.contributions, r.contributionDays, r.contributionMoney]).toEqual([
      2, 1, 2.5, 300_000,
    ]);
    // the workplace sees how its members take part at home
    const w = (await dashboard(s.workplace)).total.workplace;
    expect([w.attPresentH1, w.attUnexcusedH2, w.warningsOpen, w.contributions]).toEqual([1, 1, 1, 1]);
  });

  it('counts the yearly evaluation: statuses, overdue, flags, disputes, ratings and the work/home contradiction', async () => {
    const d = await dashboard(s.province);
    const r = d.total.residence;
    expect([r.evTotal, r.evReleased, r.evRequested, r.evDrafted, r.evOnDemand]).toEqual([3, 1, 1, 1, 1]);
    expect(r.evOverdue).toBe(1);
    expect([r.evFlagged, r.evFlagsRaised, r.evFlagsJustified, r.evSelfReported]).toEqual([1, 1, 1, 1]);
    expect([r.disputesOpened, r.disputesUpheld, r.disputesOpen]).toEqual([1, 1, 0]);
    expect(r.evContradicts).toBe(1);
    // waiting (no comment yet) and no-area; the exempt and the not-introduced owe none
    expect(r.noComment).toBe(2);
    expect(d.total.breakdown.residence['r:attendance:none']).toBe(1);
    expect(d.total.breakdown.residence['o:negative']).toBe(1);
    expect(d.total.breakdown.residence['x:excellent:negative']).toBe(1);
    expect(d.total.breakdown.workplace['c:excellent']).toBe(1);
    expect(d.trend.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(d.trend[2]!.residence.evReleased).toBe(1);
  });

  it('adds up: child rows and what counts at the unit itself give the total', async () => {
    for (const who of [s.province, s.commune]) {
      const d = await dashboard(who);
      for (const side of ['residence', 'workplace'] as const)
        for (const c of figureColumns) {
          const sum =
            d.children.reduce((n, ch) => n + (ch[side][c.column] ?? 0), 0) + (d.own?.[side][c.column] ?? 0);
          expect(sum, `${d.unit?.name} ${side} ${c.column}`).toBe(d.total[side][c.column]);
        }
    }
  });

  it('shows a commune who lives in each cell’s area, placed or not, and what it holds itself', async () => {
    const d = await dashboard(s.commune);
    expect(d.unit?.id).toBe(a.commune.id);
    expect(d.breadcrumbs).toEqual([]);
    expect(row(d, a.residentialCell.id).residence.workingMembers).toBe(2);
    expect(row(d, a.residentialCell.id).residence.placedInCell).toBe(2);
    const cell2 = row(d, u.cell2.id).residence;
    expect([cell2.workingMembers, cell2.placedInCell, cell2.notPlaced, cell2.lettersOverdue]).toEqual([
      1, 0, 1, 1,
    ]);
    // the member living in no known area counts at the commune itself
    expect(d.own?.residence.workingMembers).toBe(1);
  });

  it('drills down and back up with breadcrumbs within reach', async () => {
    const d = await dashboard(s.province, `?unitId=${a.residentialCell.id}`);
    expect(d.breadcrumbs.map((b) => b.id)).toEqual([a.province.id, a.commune.id]);
    const c = await dashboard(s.commune, `?unitId=${a.residentialCell.id}`);
    expect(c.breadcrumbs.map((b) => b.id)).toEqual([a.commune.id]);
  });
});

describe('the lists behind the figures', () => {
  it('has as many rows as each figure counts, for every figure on both sides', async () => {
    const d = await dashboard(s.province);
    const ctx = {
      years: [2026],
      now: new Date(),
      today: '2026-11-23',
      overdueBefore: new Date(),
      requiredMeetings: 1,
    };
    for (const side of ['residence', 'workplace'] as const)
      for (const key of figureKeys) {
        const def = reportFigures[key];
        if (!(def.sides as readonly string[]).includes(side)) continue;
        // a sum (work days, money, flags) is checked against its list elsewhere: the list holds the rows summed
        const measure = figureSources.map((src) => src.figures(ctx)[key]).find(Boolean)!;
        if ('sum' in measure) continue;
        const halves = def.period === 'half' ? [1, 2] : [undefined];
        for (const half of halves) {
          const res = await get(
            s.province,
            `/api/reports/list?figure=${key}&side=${side}&year=2026${half ? `&half=${half}` : ''}&limit=200`,
          );
          expect(res.statusCode, `${key} ${side} ${res.body}`).toBe(200);
          const list = drillListSchema.parse(res.json());
          const expected = d.total[side][half ? `${key}H${half}` : key];
          expect(list.items.length, `${side} ${key} ${half ?? ''}`).toBe(expected);
          expect(list.figureValue).toBe(expected);
        }
      }
  });

  it('lists a breakdown key, a child unit, what counts at the unit itself, and pages by keyset', async () => {
    const ratings = drillListSchema.parse(
      (await get(s.province, '/api/reports/list?figure=r:attendance:none&side=residence&year=2026')).json(),
    );
    expect(ratings.items.map((i) => i.values.fullName)).toEqual(['Nguyễn Văn An']);
    expect(ratings.items[0]!.link?.kind).toBe('evaluation');
    const cell2 = drillListSchema.parse(
      (
        await get(s.commune, `/api/reports/list?figure=workingMembers&side=residence&unitId=${u.cell2.id}`)
      ).json(),
    );
    expect(cell2.items.map((i) => i.values.fullName)).toEqual(['Trần Thị Bình']);
    const own = drillListSchema.parse(
      (
        await get(
          s.commune,
          `/api/reports/list?figure=workingMembers&side=residence&unitId=${a.commune.id}&scope=own`,
        )
      ).json(),
    );
    expect(own.items.map((i) => i.values.fullName)).toEqual(['Hoàng Thị Em']);
    const first = drillListSchema.parse(
      (await get(s.province, '/api/reports/list?figure=workingMembers&side=workplace&limit=2')).json(),
    );
    const second = drillListSchema.parse(
      (
        await get(
          s.province,
          `/api/reports/list?figure=workingMembers&side=workplace&limit=10&cursor=${first.nextCursor}`,
        )
      ).json(),
    );
    // Vietnamese name order, given name first: An, Bình, Cường, Dũng, Em
    expect([...first.items, ...second.items].map((i) => i.values.fullName)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
      'Phạm Văn Dũng',
      'Hoàng Thị Em',
    ]);
    const search = drillListSchema.parse(
      (await get(s.province, '/api/reports/list?figure=workingMembers&side=workplace&q=tran thi')).json(),
    );
    expect(search.items.map((i) => i.values.fullName)).toEqual(['Trần Thị Bình']);
  });

  it('refuses a half-year figure of cells without a half-year, and a figure the side does not count', async () => {
    expect((await get(s.province, '/api/reports/list?figure=cellsMet&side=residence')).statusCode).toBe(422);
    expect((await get(s.province, '/api/reports/list?figure=meetingsHeld&side=workplace')).statusCode).toBe(
      422,
    );
    expect((await get(s.province, '/api/reports/list?figure=noSuchFigure&side=residence')).statusCode).toBe(
      422,
    );
    expect((await get(s.province, '/api/reports/dashboard?year=2019')).statusCode).toBe(422);
  });
});

describe('reach', () => {
  it('answers not found outside the actor’s subtree, on every report and export', async () => {
    const outside = [
      [s.commune, `/api/reports/dashboard?unitId=${a.province.id}`],
      [s.commune, `/api/reports/dashboard?unitId=${u.commune2.id}`],
      [s.otherCommune, `/api/reports/dashboard?unitId=${a.commune.id}`],
      [s.workplace, `/api/reports/dashboard?unitId=${a.commune.id}`],
      [s.commune, `/api/reports/list?figure=workingMembers&side=residence&unitId=${a.province.id}`],
      [s.otherCommune, `/api/reports/dashboard.xlsx?unitId=${a.commune.id}`],
      [s.otherCommune, `/api/reports/list.xlsx?figure=workingMembers&side=residence&unitId=${a.commune.id}`],
      [s.secretary, '/api/reports/dashboard'],
    ] as const;
    for (const [who, url] of outside) expect((await get(who, url)).statusCode, url).toBe(404);
  });

  it('gives a workplace committee only its own members', async () => {
    const d = await dashboard(s.workplace);
    expect(d.unit?.id).toBe(a.workplace.id);
    expect(d.total.workplace.workingMembers).toBe(5);
    expect(d.total.residence.workingMembers).toBe(0);
    expect(d.children.map((c) => c.unitId)).toEqual([a.workplaceCell.id]);
  });

  it('gives an administrator the whole country', async () => {
    const d = await dashboard(s.admin);
    expect(d.unit).toBeNull();
    expect(d.children.map((c) => c.unitId)).toEqual(expect.arrayContaining([a.province.id]));
    expect(d.total.workplace.workingMembers).toBe(6);
  });

  it('exports the tables and the lists as Excel, audited', async () => {
    const x = await get(s.province, '/api/reports/dashboard.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const l = await get(s.province, '/api/reports/list.xlsx?figure=noComment&side=residence');
    expect(l.statusCode).toBe(200);
    const audit = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'report.exported'`,
    );
    expect(audit[0]!.n).toBe(2);
  });
});
