import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { myEvaluationsSchema, openCycleResponseSchema } from '../../../shared/contracts/evaluations';
import {
  type Requests,
  type Scenario,
  type Stage,
  world,
  cycleOpened,
  requested,
} from './evaluations.scenario';

/**
 * Requests for comments (Art. 3.4, 2.7) and the member’s self-report.
 * Each test builds its own world (evaluations.scenario.ts) up to the stage it starts from.
 */

let sc: Scenario, http: Requests, s: Scenario['s'], m: Scenario['m'], a: Scenario['a'];
const begin = async (stage?: Stage) => ({ sc, http, s, m, a } = await world(stage));
afterEach(() => sc.close());

describe('requests (Art. 3.4, 2.7)', () => {
  it('the workplace opens the cycle for all active working members in one step; exempt and not introduced are left out', async () => {
    await begin();
    const res = await http.post(s.workplace, '/api/evaluations/cycles', {
      unitId: a.workplace.id,
      year: 2026,
      dueDate: '2026-12-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = openCycleResponseSchema.parse(res.json());
    expect(body.created).toBe(4); // an, binh, chi, unplaced
    expect(body.skipped).toMatchObject({ exempt: 1, not_introduced: 1 });
    expect(body.awaitingCell).toBe(1);
    // opening again creates nothing twice
    const again = openCycleResponseSchema.parse(
      (
        await http.post(s.workplace, '/api/evaluations/cycles', {
          unitId: a.workplace.id,
          year: 2026,
          dueDate: '2026-12-20',
        })
      ).json(),
    );
    expect(again.created).toBe(0);
    expect(again.skipped.already_requested).toBe(4);
    // the cell, the commune and the members are told once
    expect(await http.notes('secretary', 'evaluation_requested_cell')).toEqual([
      { params: expect.objectContaining({ count: 3, year: 2026 }) },
    ]);
    expect(await http.notes('an', 'evaluation_requested_member')).toHaveLength(1);
  });

  it('refuses what is out of reach or wrong', async () => {
    await begin();
    expect(
      (await http.post(s.otherWorkplace, '/api/evaluations/cycles', { unitId: a.workplace.id, year: 2026 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await http.post(s.secretary, '/api/evaluations/cycles', { unitId: a.workplace.id, year: 2026 }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await http.post(s.workplace, '/api/evaluations/cycles', {
          unitId: a.workplace.id,
          year: 2026,
          dueDate: '2026-01-01',
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (await http.post(s.workplace, '/api/evaluations/cycles', { unitId: a.workplaceCell.id, year: 2026 }))
        .statusCode,
    ).toBe(422);
  });

  it('on demand works for an exempt member (short form); the member can ask for their own, never for another', async () => {
    await begin(cycleOpened);
    const res = await http.post(s.workplace, '/api/evaluations/on-demand', {
      memberId: m.exempt.id,
      purpose: 'appointment',
    });
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json() as { id: string; created: boolean };
    expect(first.created).toBe(true);
    // a double click returns the same request
    expect(
      (
        (
          await http.post(s.workplace, '/api/evaluations/on-demand', {
            memberId: m.exempt.id,
            purpose: 'appointment',
          })
        ).json() as { id: string }
      ).id,
    ).toBe(first.id);
    expect((await http.detail(s.secretary, first.id)).formKind).toBe('exempt');
    expect(
      (
        await http.post(s.workplace, '/api/evaluations/on-demand', {
          memberId: m.notIntroduced.id,
          purpose: 'appointment',
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (await http.post(s.workplace, '/api/evaluations/on-demand', { memberId: m.an.id, purpose: 'nonsense' }))
        .statusCode,
    ).toBe(422);
    // An asks for their own: the routine one exists already, so the same one comes back
    const own = (await http.post(s.an, '/api/evaluations/mine/request', {})).json() as {
      id: string;
      created: boolean;
    };
    expect(own).toEqual({ id: await http.idOf(m.an.id), created: false });
    expect((await http.post(s.workplace, '/api/evaluations/mine/request', {})).statusCode).toBe(403);
  });

  it('the request waiting for a cell follows the member when the commune places them', async () => {
    await begin(cycleOpened);
    const id = await http.idOf(m.unplaced.id);
    expect((await http.detail(s.commune, id)).cellId).toBeNull();
    const { assignPendingCells } = await import('./placement');
    await sc.database.db.execute(
      sql`update members set residence_cell_id = ${a.residentialCell.id} where id = ${m.unplaced.id}`,
    );
    await assignPendingCells(sc.database.db, [m.unplaced.id]);
    expect((await http.detail(s.secretary, id)).cellId).toBe(a.residentialCell.id);
  });
});

describe('self-report (Art. 2.7)', () => {
  it('the member writes per duty; the cell sees it once submitted', async () => {
    await begin(requested);
    expect(
      (await http.put(s.an, '/api/self-reports/mine', { year: 2026, duties: {}, submit: true })).statusCode,
    ).toBe(422);
    expect(
      (
        await http.put(s.an, '/api/self-reports/mine', {
          year: 2026,
          duties: { '3': 'Dự họp tháng 5? Vắng vì công tác.' },
        })
      ).statusCode,
    ).toBe(200);
    const id = await http.idOf(m.an.id);
    expect((await http.detail(s.secretary, id)).selfReport).toBeNull();
    expect(
      (
        await http.put(s.an, '/api/self-reports/mine', {
          year: 2026,
          duties: { '1': 'Gương mẫu', '6': 'Góp 2 ngày công làm đường' },
          submit: true,
        })
      ).statusCode,
    ).toBe(200);
    const d = await http.detail(s.secretary, id);
    expect(d.selfReport?.duties).toEqual({ '1': 'Gương mẫu', '6': 'Góp 2 ngày công làm đường' });
    expect(d.selfReported).toBe(true);
    const mine = myEvaluationsSchema.parse((await http.get(s.an, '/api/evaluations/mine')).json());
    expect(mine.duties).toHaveLength(7);
    expect(mine.items[0]).toMatchObject({ status: 'requested', released: false });
  });
});
