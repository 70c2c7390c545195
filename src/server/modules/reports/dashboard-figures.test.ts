import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureColumns } from '../../../shared/rules/report-columns';
import { figureKeys, reportFigures } from '../../../shared/rules/report-figures';
import { figureSources } from './figures/figure-sources';
import { buildDashboardWorld, readers, row, type DashboardWorld } from './dashboard.fixture';

/** Every figure's definition on a small tree built with factories: the catalogue, and the numbers the province, the commune and the drill-down show. */

let database: DashboardWorld['database'];
let t: DashboardWorld['t'];
let a: DashboardWorld['a'];
let s: DashboardWorld['s'];
let u: DashboardWorld['u'];
let dashboard: ReturnType<typeof readers>['dashboard'];

beforeAll(async () => {
  ({ database, t, a, s, u } = await buildDashboardWorld());
  ({ dashboard } = readers(t));
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
      requiredMeetings: [{ year: 2026, half1: 1, half2: 1 }],
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
