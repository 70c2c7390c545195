import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complianceSchema,
  meetingDetailSchema,
  meetingPaths,
  memberRecordSchema,
} from '../../../shared/contracts/meetings';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import { queryRows, type Database } from '../../db/client';
import { builtInRuleSets } from '../../db/reference-data';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { sendMeetingReminders } from './meetings.jobs';

/**
 * Decision 0006: the cell-life numbers are the rule set's data. A meeting is bound to the rule set in force on
 * its day, and its check-in window, reminders and the half-year requirement follow that rule set, not a constant.
 */

let database: Database;
let t: TestApp;
let cellId: string;
let memberId: string;
let secretary: Session;

const DAY = 86_400_000;
const regulation = builtInRuleSets[0]!;
const SUCCESSOR = 'reg-213-successor-test';
const at = (offsetDays: number, hour = 0) =>
  new Date(t.clock.now().getTime() + offsetDays * DAY + hour * 3600_000);

async function schedule(startsAt: Date, title: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/meetings',
    headers: secretary.headers,
    payload: {
      cellId,
      title,
      place: 'Nhà văn hóa khối 2',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return meetingDetailSchema.parse(res.json());
}

const boundTo = (id: string) =>
  queryRows<{ ruleSetId: string }>(
    database.db,
    sql`select rule_set_id as "ruleSetId" from meetings where id = ${id}`,
  ).then((r) => r[0]!.ruleSetId);

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const tree = await newProvinceTree(database.db, 'R');
  cellId = tree.residentialCell.id;
  const an = await newMember(database.db, {
    fullName: 'Nguyễn Văn An',
    residenceCommuneId: tree.commune.id,
    residenceCellId: cellId,
    cellId: tree.workplaceCell.id,
  });
  memberId = an.id;
  await newUser(database.db, { username: 'an', memberId: an.id, grants: [{ role: 'member' }] });
  await newUser(database.db, { username: 'secretary', grants: [{ role: 'cell_secretary', unitId: cellId }] });
  await newUser(database.db, {
    username: 'officer',
    grants: [{ role: 'committee_officer', unitId: tree.commune.id }],
  });
  secretary = await loginAs(t.app, 'secretary');
  // a successor regulation, in force in 10 days: an hour of check-in before the start, a reminder 5 days ahead
  const successor = {
    ...regulation,
    code: SUCCESSOR,
    effectiveFrom: vnDay(at(10)),
    life: {
      ...regulation.life,
      checkInOpensMinutesBefore: 60,
      reminderDaysBefore: [5],
      consecutiveUnexcusedAbsencesToReport: 3,
    },
  };
  await database.db.execute(sql`insert into rule_sets (code, definition, effective_from)
    values (${SUCCESSOR}, ${JSON.stringify(successor)}::jsonb, ${successor.effectiveFrom}::date)`);
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('meetings follow the rule set in force on their day', () => {
  it('binds a meeting to the regulation of its day and answers its check-in window', async () => {
    const before = await schedule(at(2, 3), 'Sinh hoạt tháng này');
    expect(await boundTo(before.id)).toBe(regulation.code);
    expect(new Date(before.startsAt).getTime() - new Date(before.checkInOpensAt).getTime()).toBe(30 * 60_000);

    const after = await schedule(at(20, 3), 'Sinh hoạt sau quy định mới');
    expect(await boundTo(after.id)).toBe(SUCCESSOR);
    expect(new Date(after.startsAt).getTime() - new Date(after.checkInOpensAt).getTime()).toBe(60 * 60_000);
    expect(new Date(after.checkInClosesAt).getTime() - new Date(after.endsAt).getTime()).toBe(30 * 60_000);

    // the lists carry the same window
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/meetings?cellId=${cellId}`,
      headers: secretary.headers,
    });
    const item = (list.json() as { items: { id: string; checkInOpensAt: string }[] }).items.find(
      (i) => i.id === after.id,
    );
    expect(item?.checkInOpensAt).toBe(after.checkInOpensAt);
  });

  it('reminds each meeting by the offsets of its own rule set', async () => {
    const under2020 = await schedule(at(2, 5), 'Họp nhắc theo quy định cũ');
    const underSuccessor = await schedule(at(14, 5), 'Họp nhắc theo quy định mới');
    await sendMeetingReminders({ db: database.db, clock: t.clock });
    const reminded = await queryRows<{ id: string; days: number[] }>(
      database.db,
      sql`select id, reminded_days as days from meetings where id in (${under2020.id}, ${underSuccessor.id})`,
    );
    const days = Object.fromEntries(reminded.map((r) => [r.id, r.days]));
    // 2 days ahead: the 2020 regulation's 3-day reminder; 14 days ahead: nothing yet under the successor's 5 days
    expect(days[under2020.id]).toEqual([3]);
    expect(days[underSuccessor.id]).toEqual([]);
    t.clock.advance(9.5 * DAY);
    await sendMeetingReminders({ db: database.db, clock: t.clock });
    const [later] = await queryRows<{ days: number[] }>(
      database.db,
      sql`select reminded_days as days from meetings where id = ${underSuccessor.id}`,
    );
    expect(later!.days).toEqual([5]);
    t.clock.advance(-9.5 * DAY);
  });

  it('measures compliance and absence runs by the rule set of the year', async () => {
    const officer = await loginAs(t.app, 'officer');
    const year = Number(vnDay(t.clock.now()).slice(0, 4));
    const compliance = complianceSchema.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/meetings/compliance?unitId=${cellId}&year=${year}`,
          headers: officer.headers,
        })
      ).json(),
    );
    expect(compliance.required).toBe(regulation.life.regularMeetingsPerHalfYear);
    // the successor is in force by the end of this year (it starts in 10 days): its absence threshold applies
    const record = await t.app.inject({
      method: 'GET',
      url: `${meetingPaths.memberRecord(memberId)}?year=${year}`,
      headers: officer.headers,
    });
    expect(record.statusCode, record.body).toBe(200);
    expect(memberRecordSchema.parse(record.json()).reportAfterUnexcused).toBe(
      vnDay(at(10)) <= `${year}-12-31` ? 3 : regulation.life.consecutiveUnexcusedAbsencesToReport,
    );
  });
});
