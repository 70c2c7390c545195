import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createLettersResponseSchema,
  letterListResponseSchema,
  reminderRunSchema,
  transitionResultSchema,
  workplaceMembersResponseSchema,
  workplaceSummarySchema,
} from '../../../shared/contracts/introductions';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { sendOverdueReminders } from './reminders';

/** A letter not received within 15 days is overdue; the receiving commune is reminded once per letter. */

const DAY = 86_400_000;
let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let b: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'signer' | 'staff' | 'commune' | 'commune2' | 'communeB' | 'admin' | 'member', Session>;
let inA: { id: string }[];
let inB: { id: string };
let late: { id: string };
let issuedAt: Date;

const post = async (who: Session, url: string, payload?: unknown) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const get = async (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const run = () =>
  sendOverdueReminders({
    db: database.db,
    clock: t.clock,
    overdueDays: t.ctx.config.introductionOverdueDays,
  });

async function letterOf(memberId: string) {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from introduction_letters where member_id = ${memberId} order by created_at desc limit 1`,
  );
  return row!.id;
}

async function reminders(username: string) {
  return queryRows<{ count: number; days: number; link: string }>(
    database.db,
    sql`select (n.params->>'count')::int as count, (n.params->>'days')::int as days, n.link from notifications n
        join users u on u.id = n.user_id where u.username = ${username} and n.kind = 'letters_overdue' order by n.created_at, n.id`,
  );
}

async function communeLetters(who: Session, communeId: string, extra = '') {
  const res = await get(who, `/api/introductions/letters?side=commune&unitId=${communeId}&limit=200${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return letterListResponseSchema.parse(res.json()).items;
}

async function summaryOverdue() {
  return workplaceSummarySchema.parse(
    (await get(s.staff, `/api/introductions/workplace/summary?unitId=${a.workplace.id}`)).json(),
  ).overdue;
}

// Each test on its own database: the reminders run on every letter, so a test must not see an earlier test's runs.
beforeEach(async () => {
  database = await createTestDatabase();
  // Sessions outlive the weeks this test moves the clock through.
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  a = await newProvinceTree(db, 'A');
  b = await newProvinceTree(db, 'B');
  inA = [];
  for (let i = 1; i <= 4; i++)
    inA.push(
      await newMember(db, {
        fullName: `Nguyễn Văn Số ${'ABCD'[i - 1]}`,
        cardNumber: `4200000${i}`,
        cellId: a.workplaceCell.id,
        residenceCommuneId: a.commune.id,
      }),
    );
  inB = await newMember(db, {
    fullName: 'Trần Thị Xa',
    cardNumber: '42000005',
    cellId: a.workplaceCell.id,
    residenceCommuneId: b.commune.id,
  });
  late = await newMember(db, {
    fullName: 'Lê Văn Muộn',
    cardNumber: '42000006',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });
  await newUser(db, {
    username: 'signer',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'staff',
    grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'commune',
    email: 'phuong.a@example.vn',
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'commune2',
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'secretary' }],
  });
  await newUser(db, {
    username: 'commune.b',
    grants: [{ role: 'committee_officer', unitId: b.commune.id, position: 'staff' }],
  });
  // Above the commune, not on it: reminders go to those who receive the letters.
  await newUser(db, {
    username: 'province',
    grants: [{ role: 'committee_officer', unitId: a.province.id, position: 'staff' }],
  });
  await newUser(db, { username: 'admin', grants: [{ role: 'admin' }] });
  await newUser(db, { username: 'member', memberId: inA[0]!.id, grants: [{ role: 'member' }] });
  s = {
    signer: await loginAs(t.app, 'signer'),
    staff: await loginAs(t.app, 'staff'),
    commune: await loginAs(t.app, 'commune'),
    commune2: await loginAs(t.app, 'commune2'),
    communeB: await loginAs(t.app, 'commune.b'),
    admin: await loginAs(t.app, 'admin'),
    member: await loginAs(t.app, 'member'),
  };
  issuedAt = t.clock.now();
  const created = createLettersResponseSchema.parse(
    (
      await post(s.signer, '/api/introductions/letters', {
        memberIds: [...inA.map((m) => m.id), inB.id],
        issue: true,
      })
    ).json(),
  );
  expect(created.issued).toBe(5);
  // One letter is received the next day: it is never overdue.
  t.clock.advance(DAY);
  const received = await post(s.commune, '/api/introductions/letters/receive', {
    letterIds: [await letterOf(inA[3]!.id)],
  });
  expect(transitionResultSchema.parse(received.json()).changed).toBe(1);
});

afterEach(async () => {
  await t.app.close();
  await database.close();
});

describe('overdue letters', () => {
  it('are not overdue at exactly 15 days', async () => {
    t.clock.set(new Date(issuedAt.getTime() + 15 * DAY));
    const letters = await communeLetters(s.commune, a.commune.id);
    expect(letters).toHaveLength(4);
    expect(letters.every((l) => !l.overdue)).toBe(true);
    expect(await communeLetters(s.commune, a.commune.id, '&overdue=true')).toEqual([]);
    expect(await summaryOverdue()).toBe(0);
    expect(await run()).toEqual({ letters: 0, communes: 0 });
    expect(await reminders('commune')).toEqual([]);
  });

  it('are overdue one millisecond later, unless received', async () => {
    t.clock.set(new Date(issuedAt.getTime() + 15 * DAY + 1));
    const letters = await communeLetters(s.commune, a.commune.id);
    const overdueOf = new Map(letters.map((l) => [l.memberId, l.overdue]));
    expect(inA.map((m) => overdueOf.get(m.id))).toEqual([true, true, true, false]);
    const filtered = await communeLetters(s.commune, a.commune.id, '&overdue=true');
    expect(filtered.map((l) => l.memberId).sort()).toEqual(
      inA
        .slice(0, 3)
        .map((m) => m.id)
        .sort(),
    );
    expect(filtered.every((l) => l.status === 'issued')).toBe(true);
    // The workplace sees its own overdue letters, to every commune.
    expect(await summaryOverdue()).toBe(4);
    const queue = workplaceMembersResponseSchema.parse(
      (
        await get(
          s.staff,
          `/api/introductions/workplace/members?unitId=${a.workplace.id}&stage=awaiting_receipt`,
        )
      ).json(),
    );
    expect(queue.items).toHaveLength(4);
    expect(queue.items.every((i) => i.overdue)).toBe(true);
    // Commune B sees only the letter addressed to it.
    expect((await communeLetters(s.communeB, b.commune.id, '&overdue=true')).map((l) => l.memberId)).toEqual([
      inB.id,
    ]);
  });

  it('remind each officer of each receiving commune once, with the number of letters', async () => {
    t.clock.set(new Date(issuedAt.getTime() + 15 * DAY + 1));
    const res = await post(s.admin, '/api/introductions/reminders/run');
    expect(res.statusCode, res.body).toBe(200);
    expect(reminderRunSchema.parse(res.json())).toEqual({ letters: 4, communes: 2 });
    expect(await reminders('commune')).toEqual([{ count: 3, days: 15, link: '/introductions/inbox' }]);
    expect(await reminders('commune2')).toEqual([{ count: 3, days: 15, link: '/introductions/inbox' }]);
    expect(await reminders('commune.b')).toEqual([{ count: 1, days: 15, link: '/introductions/inbox' }]);
    for (const other of ['signer', 'staff', 'province', 'admin', 'member'])
      expect(await reminders(other)).toEqual([]);
    // … and by email to those who have an address.
    const mail = await queryRows<{ subject: string }>(
      database.db,
      sql`select subject from email_outbox where to_address = 'phuong.a@example.vn' and subject like '%quá hạn%'`,
    );
    expect(mail).toEqual([{ subject: 'Residence Link: 3 giấy giới thiệu quá hạn tiếp nhận' }]);
  });

  it('never remind twice for the same letter, and the letter stays overdue until received', async () => {
    t.clock.set(new Date(issuedAt.getTime() + 15 * DAY + 1));
    expect(await run()).toEqual({ letters: 4, communes: 2 });
    expect(await run()).toEqual({ letters: 0, communes: 0 });
    t.clock.advance(10 * DAY);
    expect(await run()).toEqual({ letters: 0, communes: 0 });
    expect(await reminders('commune')).toHaveLength(1);
    expect(await communeLetters(s.commune, a.commune.id, '&overdue=true')).toHaveLength(3);
    await post(s.commune, '/api/introductions/letters/receive', { letterIds: [await letterOf(inA[0]!.id)] });
    expect(await communeLetters(s.commune, a.commune.id, '&overdue=true')).toHaveLength(2);
  });

  it('remind again only for a letter that became overdue since', async () => {
    t.clock.set(new Date(issuedAt.getTime() + 15 * DAY + 1));
    expect(await run()).toEqual({ letters: 4, communes: 2 });
    t.clock.advance(10 * DAY);
    const created = createLettersResponseSchema.parse(
      (await post(s.signer, '/api/introductions/letters', { memberIds: [late.id], issue: true })).json(),
    );
    expect(created.issued).toBe(1);
    t.clock.advance(15 * DAY);
    expect(await run()).toEqual({ letters: 0, communes: 0 });
    t.clock.advance(1);
    expect(await run()).toEqual({ letters: 1, communes: 1 });
    expect((await reminders('commune')).map((r) => r.count)).toEqual([3, 1]);
    expect((await reminders('commune.b')).map((r) => r.count)).toEqual([1]);
  });

  it('run on demand by an administrator only', async () => {
    for (const who of [s.commune, s.signer, s.staff, s.member])
      expect((await post(who, '/api/introductions/reminders/run')).statusCode).toBe(403);
    expect(reminderRunSchema.parse((await post(s.admin, '/api/introductions/reminders/run')).json())).toEqual(
      { letters: 0, communes: 0 },
    );
  });
});
