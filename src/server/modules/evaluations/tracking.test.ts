import { afterEach, describe, expect, it } from 'vitest';
import { newMember } from '../../../../tests/fixtures/factories';
import {
  backlogSchema,
  evaluationListSchema,
  noCommentListSchema,
} from '../../../shared/contracts/evaluations';
import {
  type Requests,
  type Scenario,
  type Stage,
  world,
  anRevised,
  cycleOpened,
  requested,
} from './evaluations.scenario';

/**
 * Tracking the year: backlog, "no comment", scoped lists, overdue reminders, members who leave.
 * Each test builds its own world (evaluations.scenario.ts) up to the stage it starts from.
 */

let sc: Scenario, http: Requests, s: Scenario['s'], m: Scenario['m'], a: Scenario['a'];
const begin = async (stage?: Stage) => ({ sc, http, s, m, a } = await world(stage));
afterEach(() => sc.close());

describe('tracking: backlog and "no comment this year"', () => {
  it('counts each stage per unit and lists who still has no comment, on both sides', async () => {
    await begin(anRevised);
    const wres = await http.get(
      s.workplace,
      `/api/evaluations/backlog?side=workplace&unitId=${a.workplace.id}&year=2026`,
    );
    expect(wres.statusCode, wres.body).toBe(200);
    const w = backlogSchema.parse(wres.json());
    // requested: an, binh, chi, unplaced (yearly) + exempt (on demand)
    expect(w.total).toMatchObject({ requested: 5, selfReported: 1, confirmed: 2, released: 0 });
    expect(w.children.map((c) => c.unitName)).toEqual([`Chi bộ Phòng E`]);
    const r = backlogSchema.parse(
      (await http.get(s.commune, `/api/evaluations/backlog?side=residence&year=2026`)).json(),
    );
    expect(r.unit.id).toBe(a.commune.id);
    expect(r.total.requested).toBe(5);
    // a member of the residential cell itself (retired, no workplace) owes no comment there
    await newMember(sc.database.db, {
      fullName: 'Đỗ Văn Hưu',
      cellId: a.residentialCell.id,
      residenceCommuneId: a.commune.id,
      residenceCellId: a.residentialCell.id,
    });
    const residence = noCommentListSchema.parse(
      (await http.get(s.commune, `/api/evaluations/no-comment?side=residence&year=2026`)).json(),
    );
    expect(residence.items.map((i) => i.fullName)).not.toContain('Đỗ Văn Hưu');
    expect(
      backlogSchema.parse(
        (await http.get(s.commune, `/api/evaluations/backlog?side=residence&year=2026`)).json(),
      ).total.noComment,
    ).toBe(residence.items.length);
    const list = noCommentListSchema.parse(
      (
        await http.get(
          s.workplace,
          `/api/evaluations/no-comment?side=workplace&unitId=${a.workplace.id}&year=2026`,
        )
      ).json(),
    );
    // binh and chi are delivered; an is being revised; unplaced waits
    expect(list.items.map((i) => i.fullName)).toEqual(['Nguyễn Văn An', 'Hoàng Văn Chờ']);
    expect(list.items[0]!.status).toBe('returned');
    expect(
      (await http.get(s.otherWorkplace, `/api/evaluations/backlog?side=workplace&unitId=${a.workplace.id}`))
        .statusCode,
    ).toBe(404);
    // an administrator without a unit reads the backlog from the top of the tree instead of "unit not found"
    const admin = await http.get(s.admin, '/api/evaluations/backlog?side=residence&year=2026');
    expect(admin.statusCode, admin.body).toBe(200);
  });

  it('lists per side are scoped: the Front head sees their cell only, another cell nothing', async () => {
    await begin(cycleOpened);
    const front = evaluationListSchema.parse(
      (await http.get(s.front, '/api/evaluations?side=front&year=2026')).json(),
    );
    expect(front.items.length).toBeGreaterThan(0);
    const other = evaluationListSchema.parse(
      (await http.get(s.otherFront, '/api/evaluations?side=front&year=2026')).json(),
    );
    expect(other.items).toEqual([]);
    // the commune narrows its list to one of its cells
    const byCell = evaluationListSchema.parse(
      (
        await http.get(s.commune, `/api/evaluations?side=commune&year=2026&unitId=${a.residentialCell.id}`)
      ).json(),
    );
    expect(byCell.items.length).toBeGreaterThan(0);
    expect(byCell.items.every((i) => i.cellId === a.residentialCell.id)).toBe(true);
    const search = evaluationListSchema.parse(
      (await http.get(s.commune, '/api/evaluations?side=commune&year=2026&q=tran thi')).json(),
    );
    expect(search.items.map((i) => i.fullName)).toEqual(['Trần Thị Bình']);
  });
});

describe('overdue reminders and members who leave', () => {
  it('past the due date the residence side is reminded once', async () => {
    await begin(anRevised);
    const { remindOverdueEvaluations } = await import('./evaluations.jobs');
    expect(await remindOverdueEvaluations({ db: sc.database.db, clock: sc.t.clock })).toEqual({
      evaluations: 0,
      people: 0,
    });
    const before = sc.t.clock.now();
    sc.t.clock.set(new Date('2026-12-22T03:00:00Z'));
    try {
      const first = await remindOverdueEvaluations({ db: sc.database.db, clock: sc.t.clock });
      // An (being revised) and Chờ (waiting) are past 20/12; the exempt member's on-demand request is not due yet
      expect(first.evaluations).toBe(2);
      expect(await http.notes('secretary', 'evaluation_overdue')).toEqual([
        { params: expect.objectContaining({ count: 2 }) },
      ]);
      expect(await remindOverdueEvaluations({ db: sc.database.db, clock: sc.t.clock })).toEqual({
        evaluations: 0,
        people: 0,
      });
      expect((await http.post(s.workplace, '/api/evaluations/jobs/run')).statusCode).toBe(403);
    } finally {
      sc.t.clock.set(before);
    }
  });

  it('an expulsion notice cancels the member’s open request (signed ones stay)', async () => {
    await begin(requested);
    const id = await http.idOf(m.unplaced.id);
    const res = await http.post(s.workplace, '/api/introductions/notices', {
      memberId: m.unplaced.id,
      kind: 'expelled',
      effectiveDate: '2026-11-23',
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const after = await http.detail(s.workplace, id);
    expect(after).toMatchObject({ status: 'cancelled', cancelReason: 'notice:expelled' });
  });
});
