import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityDetailSchema, memberContributionsSchema } from '../../../shared/contracts/cell-life';
import { cellLifeWorld, type CellLifeWorld } from './cell-life.fixture';

let w: CellLifeWorld;

beforeAll(async () => {
  w = await cellLifeWorld();
});

afterAll(() => w.close());

/** A campaign the cell's secretary records (each test its own). */
async function newActivity(title: string): Promise<string> {
  const res = await w.post(w.s.secretary, '/api/activities', {
    unitId: w.a.residentialCell.id,
    kind: 'construction',
    title,
    startsOn: '2026-10-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return activityDetailSchema.parse(res.json()).id;
}

describe('activities and contributions (Art. 2.4–2.6)', () => {
  it('the cell records a campaign; its members see it, another cell does not', async () => {
    const { s, get, post, a } = w;
    const activityId = await newActivity('Bê tông hóa ngõ 7');
    expect((await get(s.an, `/api/activities/${activityId}`)).statusCode).toBe(200);
    expect((await get(s.otherCell, `/api/activities/${activityId}`)).statusCode).toBe(404);
    expect(
      (
        await post(s.an, '/api/activities', {
          unitId: a.residentialCell.id,
          title: 'Của tôi',
          startsOn: '2026-10-01',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('the secretary records a member’s part (confirmed); a member proposes their own (waits)', async () => {
    const { s, post, notes, an, elsewhere } = w;
    const activityId = await newActivity('Trồng cây xanh ngõ 9');
    const rec = activityDetailSchema.parse(
      (
        await post(s.secretary, `/api/activities/${activityId}/contributions`, {
          memberId: an.id,
          role: 'led',
          workDays: 3,
          moneyVnd: 2_000_000,
        })
      ).json(),
    );
    expect(rec).toMatchObject({ contributors: 1, workDays: 3, moneyVnd: 2_000_000 });
    const own = activityDetailSchema.parse(
      (
        await post(s.binh, `/api/activities/${activityId}/contributions`, { inKind: '10 bao xi măng' })
      ).json(),
    );
    expect(own.contributions.find((c) => c.memberName === 'Trần Thị Bình')).toMatchObject({
      status: 'proposed',
      proposedByMember: true,
    });
    // the secretary is told who proposed what, in words (not an id)
    const told = (await notes('secretary', 'contribution_proposed')).filter(
      (n) => n.params.activity === activityId,
    );
    expect(told).toEqual([
      {
        params: expect.objectContaining({
          activity: activityId,
          title: 'Trồng cây xanh ngõ 9',
          member: 'Trần Thị Bình',
        }),
      },
    ]);
    // A member cannot record for someone else, nor for a member living elsewhere.
    expect(
      (await post(s.binh, `/api/activities/${activityId}/contributions`, { memberId: an.id, workDays: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await post(s.secretary, `/api/activities/${activityId}/contributions`, {
          memberId: elsewhere.id,
          workDays: 1,
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (await post(s.secretary, `/api/activities/${activityId}/contributions`, { memberId: an.id }))
        .statusCode,
    ).toBe(422);
  });

  it('the secretary confirms the proposal, and the member’s year shows both kinds of part', async () => {
    const { s, get, post, an } = w;
    const activityId = await newActivity('Sửa nhà văn hóa thôn');
    await post(s.secretary, `/api/activities/${activityId}/contributions`, {
      memberId: an.id,
      role: 'led',
      workDays: 2,
    });
    await post(s.binh, `/api/activities/${activityId}/contributions`, { inKind: '5 bao xi măng' });
    const detail = activityDetailSchema.parse(
      (await get(s.secretary, `/api/activities/${activityId}`)).json(),
    );
    const proposed = detail.contributions.find((c) => c.status === 'proposed')!;
    expect(
      (await post(s.binh, `/api/activities/contributions/${proposed.id}/decide`, { decision: 'confirm' }))
        .statusCode,
    ).toBe(403);
    const confirmed = activityDetailSchema.parse(
      (
        await post(s.secretary, `/api/activities/contributions/${proposed.id}/decide`, {
          decision: 'confirm',
        })
      ).json(),
    );
    expect(confirmed.pending).toBe(0);
    // confirming again changes nothing; rejecting a confirmed part is refused
    expect(
      (
        await post(s.secretary, `/api/activities/contributions/${proposed.id}/decide`, {
          decision: 'confirm',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await post(s.secretary, `/api/activities/contributions/${proposed.id}/decide`, { decision: 'reject' }))
        .statusCode,
    ).toBe(409);
    const year = memberContributionsSchema.parse(
      (await get(s.workplace, `/api/activities/members/${an.id}/contributions?year=2026`)).json(),
    );
    expect(year.items.filter((c) => c.activityId === activityId)).toEqual([
      expect.objectContaining({ activityTitle: 'Sửa nhà văn hóa thôn', role: 'led', status: 'confirmed' }),
    ]);
  });
});
