import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardSchema } from '../../../shared/contracts/reports';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { rebuildFigures, runFigureJob } from './figures/figures.service';

/**
 * The summary stays true while people work: every step goes through the normal services (letters issued,
 * placed and acknowledged, a meeting held with its tick list, a member moving cell), and after each one
 * the province's dashboard equals a direct count over the base tables — with no job having run.
 */

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'province' | 'workplace' | 'commune' | 'secretary', Session>;
const ids: string[] = [];

const get = (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const send = (who: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
  t.app.inject({ method, url, headers: who.headers, payload });
const total = async () => {
  const res = await get(s.province, '/api/reports/dashboard');
  expect(res.statusCode, res.body).toBe(200);
  return dashboardSchema.parse(res.json()).total;
};
const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(database.db, q))[0]!.n;

/** Direct counts over the base tables, written independently of the figure definitions. */
const direct = {
  placed: () =>
    count(sql`select count(*)::int as n from members m join org_units c on c.id = m.cell_id and c.type = 'workplace_cell'
      join introduction_letters l on l.id = m.current_letter_id where m.status = 'active' and l.status = 'acknowledged'`),
  awaitingReceipt: () =>
    count(
      sql`select count(*)::int as n from members m join introduction_letters l on l.id = m.current_letter_id where l.status = 'issued'`,
    ),
  placedInCell: () =>
    count(
      sql`select count(*)::int as n from members m join org_units c on c.id = m.cell_id and c.type = 'workplace_cell' where m.residence_cell_id is not null`,
    ),
  held: () => count(sql`select count(*)::int as n from meetings where status = 'held' and kind = 'regular'`),
  present: () =>
    count(
      sql`select count(*)::int as n from meeting_attendances a join meetings mt on mt.id = a.meeting_id where mt.status = 'held' and a.status in ('present', 'late')`,
    ),
  unexcused: () =>
    count(
      sql`select count(*)::int as n from meeting_attendances a join meetings mt on mt.id = a.meeting_id where mt.status = 'held' and a.status = 'absent_unexcused'`,
    ),
};

async function expectTrue() {
  const f = await total();
  expect(f.workplace.stagePlaced).toBe(await direct.placed());
  expect(f.workplace.stageAwaitingReceipt).toBe(await direct.awaitingReceipt());
  expect(f.residence.placedInCell).toBe(await direct.placedInCell());
  expect(f.residence.meetingsHeldH1 + f.residence.meetingsHeldH2).toBe(await direct.held());
  expect(f.residence.attPresentH1 + f.residence.attPresentH2).toBe(await direct.present());
  expect(f.workplace.attUnexcusedH1 + f.workplace.attUnexcusedH2).toBe(await direct.unexcused());
  return f;
}

// each scenario on its own database: no test leans on another's state
beforeEach(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  ids.length = 0;
  const db = database.db;
  a = await newProvinceTree(db, 'U');
  for (const [i, name] of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'].entries()) {
    const member = await newMember(db, {
      fullName: name,
      cardNumber: `7700000${i}`,
      cellId: a.workplaceCell.id,
      residenceCommuneId: a.commune.id,
      residenceAreaId: a.area.id,
    });
    ids.push(member.id);
  }
  await newUser(db, { username: 'province', grants: [{ role: 'committee_officer', unitId: a.province.id }] });
  await newUser(db, {
    username: 'workplace',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, { username: 'commune', grants: [{ role: 'committee_officer', unitId: a.commune.id }] });
  await newUser(db, {
    username: 'secretary',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  s = {
    province: await loginAs(t.app, 'province'),
    workplace: await loginAs(t.app, 'workplace'),
    commune: await loginAs(t.app, 'commune'),
    secretary: await loginAs(t.app, 'secretary'),
  };
});

afterEach(async () => {
  await t.app.close();
  await database.close();
});

/** Letters for the three members issued; `place` of them placed in the cell (checked after each step), `ack` acknowledged. */
async function introduce(place: number, ack: number) {
  const created = await send(s.workplace, 'POST', '/api/introductions/letters', {
    memberIds: ids,
    issue: true,
  });
  expect(created.statusCode, created.body).toBe(200);
  const f = await expectTrue();
  expect(f.workplace.stageAwaitingReceipt).toBe(3);
  const letters = await queryRows<{ id: string }>(
    database.db,
    sql`select id from introduction_letters where member_id = any(${`{${ids.join(',')}}`}::uuid[]) order by id`,
  );
  const placed = await send(s.commune, 'POST', '/api/introductions/letters/place', {
    placements: letters.slice(0, place).map((l) => ({ letterId: l.id, cellId: a.residentialCell.id })),
  });
  expect(placed.statusCode, placed.body).toBe(200);
  await expectTrue();
  const acked = await send(s.secretary, 'POST', '/api/introductions/letters/acknowledge', {
    letterIds: letters.slice(0, ack).map((l) => l.id),
  });
  expect(acked.statusCode, acked.body).toBe(200);
  await expectTrue();
  return letters;
}

describe('roll-ups through the normal services', () => {
  it('follows the letters from issue to acknowledgement', async () => {
    expect((await expectTrue()).workplace.stageNotIntroduced).toBe(3);
    const letters = await introduce(2, 1);
    const after = await expectTrue();
    expect([
      after.workplace.stagePlaced,
      after.workplace.stageAwaitingAcknowledgement,
      after.workplace.stageAwaitingReceipt,
    ]).toEqual([1, 1, 1]);
    expect(letters).toHaveLength(3);
  });

  it('follows a meeting from scheduling to the tick list', async () => {
    await introduce(3, 3);
    const startsAt = new Date(t.clock.now().getTime() + 3 * 86_400_000);
    const created = await send(s.secretary, 'POST', '/api/meetings', {
      cellId: a.residentialCell.id,
      title: 'Sinh hoạt 6 tháng cuối năm',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      place: 'Nhà văn hóa khối',
    });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId = (created.json() as { id: string }).id;
    await expectTrue();
    t.clock.set(new Date(startsAt.getTime() + 3_600_000));
    const invited = await queryRows<{ memberId: string }>(
      database.db,
      sql`select member_id as "memberId" from meeting_attendances where meeting_id = ${meetingId}`,
    );
    expect(invited.length).toBeGreaterThan(0);
    const tick = await send(s.secretary, 'PUT', `/api/meetings/${meetingId}/attendance`, {
      rows: invited.map((r, i) => ({
        memberId: r.memberId,
        status: i === 0 ? 'present' : 'absent_unexcused',
      })),
    });
    expect(tick.statusCode, tick.body).toBe(200);
    const hold = await send(s.secretary, 'POST', `/api/meetings/${meetingId}/hold`, {});
    expect(hold.statusCode, hold.body).toBe(200);
    const f = await expectTrue();
    expect(f.residence.meetingsHeldH2).toBe(1);
    expect(f.residence.cellsMetH2).toBe(1);
  });

  it('agrees with a full rebuild, and the job leaves nothing marked', async () => {
    await introduce(2, 1);
    const before = await total();
    await runFigureJob({ db: database.db, clock: t.clock, overdueDays: 15 });
    const [left] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from report_dirty`,
    );
    expect(left!.n).toBe(0);
    await rebuildFigures({ db: database.db, clock: t.clock, overdueDays: 15 });
    expect(await total()).toEqual(before);
  });

  it('lets a letter fall overdue with the clock alone, once the job has marked it', async () => {
    await introduce(2, 1);
    expect((await total()).workplace.lettersOverdue).toBe(0);
    t.clock.advance(20 * 86_400_000);
    await runFigureJob({ db: database.db, clock: t.clock, overdueDays: 15 });
    expect((await total()).workplace.lettersOverdue).toBe(1);
  });
});
