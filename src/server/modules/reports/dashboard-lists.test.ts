import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureKeys, reportFigures } from '../../../shared/rules/report-figures';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { drillListSchema } from '../../../shared/contracts/reports';
import { figureSources } from './figures/figure-sources';
import { buildDashboardWorld, readers, type DashboardWorld } from './dashboard.fixture';

/** The list behind every figure has as many rows as its number; forbidden paths answer "not found"; exports are audited. */

let database: DashboardWorld['database'];
let t: DashboardWorld['t'];
let a: DashboardWorld['a'];
let s: DashboardWorld['s'];
let u: DashboardWorld['u'];
let get: ReturnType<typeof readers>['get'];
let dashboard: ReturnType<typeof readers>['dashboard'];

beforeAll(async () => {
  ({ database, t, a, s, u } = await buildDashboardWorld());
  ({ get, dashboard } = readers(t));
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});
describe('the lists behind the figures', () => {
  it('has as many rows as each figure counts, for every figure on both sides', async () => {
    const d = await dashboard(s.province);
    const ctx = {
      years: [2026],
      now: new Date(),
      today: '2026-11-23',
      overdueBefore: new Date(),
      requiredMeetings: [{ year: 2026, half1: 1, half2: 1 }],
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
