import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityDetailSchema,
  directedTopicListSchema,
  memberContributionsSchema,
  warningItemSchema,
  warningListResponseSchema,
} from '../../../shared/contracts/cell-life';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { escalateOverdueWarnings } from './warnings.service';

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'secretary' | 'an' | 'binh' | 'commune' | 'workplace' | 'otherCell', Session>;
let an: { id: string };
let binh: { id: string };
let elsewhere: { id: string };

const DAY = 86_400_000;
const post = (who: Session, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload });
const get = (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const notes = (username: string, kind: string) =>
  queryRows<{ params: Record<string, unknown> }>(
    database.db,
    sql`select n.params from notifications n join users u on u.id = n.user_id where u.username = ${username} and n.kind = ${kind}`,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  a = await newProvinceTree(db, 'L');
  const other = await newProvinceTree(db, 'K');
  const placed = { residenceCommuneId: a.commune.id, residenceCellId: a.residentialCell.id };
  an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '62000001',
    cellId: a.workplaceCell.id,
    ...placed,
  });
  binh = await newMember(db, {
    fullName: 'Trần Thị Bình',
    cardNumber: '62000002',
    cellId: a.workplaceCell.id,
    ...placed,
  });
  elsewhere = await newMember(db, {
    fullName: 'Lê Văn Xa',
    cardNumber: '62000003',
    cellId: a.workplaceCell.id,
    residenceCommuneId: other.commune.id,
    residenceCellId: other.residentialCell.id,
  });
  await newUser(db, {
    username: 'secretary',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  await newUser(db, { username: 'an', memberId: an.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'binh', memberId: binh.id, grants: [{ role: 'member' }] });
  await newUser(db, { username: 'commune', grants: [{ role: 'committee_officer', unitId: a.commune.id }] });
  await newUser(db, {
    username: 'workplace',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'other.cell',
    grants: [{ role: 'cell_secretary', unitId: other.residentialCell.id }],
  });
  s = {
    secretary: await loginAs(t.app, 'secretary'),
    an: await loginAs(t.app, 'an'),
    binh: await loginAs(t.app, 'binh'),
    commune: await loginAs(t.app, 'commune'),
    workplace: await loginAs(t.app, 'workplace'),
    otherCell: await loginAs(t.app, 'other.cell'),
  };
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('activities and contributions (Art. 2.4–2.6)', () => {
  let activityId: string;

  it('the cell records a campaign; its members see it, another cell does not', async () => {
    const res = await post(s.secretary, '/api/activities', {
      unitId: a.residentialCell.id,
      kind: 'construction',
      title: 'Bê tông hóa ngõ 7',
      startsOn: '2026-10-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    activityId = activityDetailSchema.parse(res.json()).id;
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
    expect(await notes('secretary', 'contribution_proposed')).toEqual([
      {
        params: expect.objectContaining({
          activity: activityId,
          title: 'Bê tông hóa ngõ 7',
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
    expect(
      (await post(s.secretary, `/api/activities/contributions/${proposed.id}/decide`, { decision: 'reject' }))
        .statusCode,
    ).toBe(409);
    const year = memberContributionsSchema.parse(
      (await get(s.workplace, `/api/activities/members/${an.id}/contributions?year=2026`)).json(),
    );
    expect(year.items).toEqual([
      expect.objectContaining({ activityTitle: 'Bê tông hóa ngõ 7', role: 'led', status: 'confirmed' }),
    ]);
  });
});

describe('warnings (Art. 4.4)', () => {
  let warningId: string;

  it('the cell warns a member of the cell with a deadline; the member is told and replies', async () => {
    const deadline = new Date(t.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10);
    expect(
      (
        await post(s.secretary, '/api/warnings', {
          memberId: elsewhere.id,
          cellId: a.residentialCell.id,
          kind: 'warning',
          reason: 'Vắng sinh hoạt nhiều lần',
          deadline,
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await post(s.otherCell, '/api/warnings', {
          memberId: binh.id,
          cellId: a.residentialCell.id,
          kind: 'warning',
          reason: 'Vắng sinh hoạt',
          deadline,
        })
      ).statusCode,
    ).toBe(404);
    const res = await post(s.secretary, '/api/warnings', {
      memberId: binh.id,
      cellId: a.residentialCell.id,
      kind: 'warning',
      reason: 'Vắng sinh hoạt hai buổi liền',
      deadline,
    });
    expect(res.statusCode, res.body).toBe(201);
    warningId = warningItemSchema.parse(res.json()).id;
    expect(await notes('binh', 'warning_issued')).toHaveLength(1);
    expect(
      (await post(s.an, `/api/warnings/${warningId}/reply`, { reply: 'Không phải của tôi' })).statusCode,
    ).toBe(404);
    const replied = warningItemSchema.parse(
      (
        await post(s.binh, `/api/warnings/${warningId}/reply`, {
          reply: 'Tôi đi công tác, sẽ tham gia đầy đủ.',
        })
      ).json(),
    );
    expect(replied).toMatchObject({ status: 'open', memberReply: 'Tôi đi công tác, sẽ tham gia đầy đủ.' });
    const mine = warningListResponseSchema.parse((await get(s.binh, '/api/warnings?mine=true')).json());
    expect(mine.items.map((w) => w.id)).toEqual([warningId]);
    expect(
      warningListResponseSchema.parse((await get(s.an, '/api/warnings?mine=true')).json()).items,
    ).toEqual([]);
  });

  it('still open at the deadline, it goes to the workplace committee once', async () => {
    expect(await escalateOverdueWarnings({ db: database.db, clock: t.clock })).toBe(0);
    t.clock.advance(32 * DAY);
    expect(await escalateOverdueWarnings({ db: database.db, clock: t.clock })).toBe(1);
    expect(await escalateOverdueWarnings({ db: database.db, clock: t.clock })).toBe(0);
    expect(await notes('workplace', 'warning_escalated')).toEqual([
      { params: expect.objectContaining({ member: 'Trần Thị Bình' }) },
    ]);
    const seen = warningListResponseSchema.parse(
      (await get(s.workplace, `/api/warnings?memberId=${binh.id}`)).json(),
    );
    expect(seen.items[0]).toMatchObject({ status: 'escalated' });
    // The cell may still record the improvement; a withdrawn warning cannot be resolved.
    const resolved = warningItemSchema.parse(
      (
        await post(s.secretary, `/api/warnings/${warningId}/resolve`, { resolution: 'Đã tham gia đầy đủ' })
      ).json(),
    );
    expect(resolved.status).toBe('resolved');
    expect((await post(s.secretary, `/api/warnings/${warningId}/withdraw`)).statusCode).toBe(409);
  });
});

describe('topics the commune directs to its cells', () => {
  it('reach every cell of the commune while active', async () => {
    const today = new Date(t.clock.now()).toISOString().slice(0, 10);
    const res = await post(s.commune, '/api/directed-topics', {
      communeId: a.commune.id,
      title: 'Lấy ý kiến quy hoạch chợ',
      activeFrom: today,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (
        await post(s.secretary, '/api/directed-topics', {
          communeId: a.commune.id,
          title: 'Không được',
          activeFrom: today,
        })
      ).statusCode,
    ).toBe(404);
    const list = directedTopicListSchema.parse(
      (await get(s.secretary, `/api/directed-topics?cellId=${a.residentialCell.id}`)).json(),
    );
    expect(list.items.map((x) => x.title)).toEqual(['Lấy ý kiến quy hoạch chợ']);
    expect(await notes('secretary', 'topic_directed')).toHaveLength(1);
  });
});
