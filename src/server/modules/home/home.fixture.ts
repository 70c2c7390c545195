import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { homeTodaySchema, type HomeCard, type HomeItemKey } from '../../../shared/contracts/home';
import type { Database } from '../../db/client';
import { evaluationVersions, reportDeadlines, yearlyReports } from '../../db/schema';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import {
  newEvaluation,
  newLetter,
  newMeeting,
  newWarning,
} from '../../../../tests/fixtures/domain-factories';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';

/**
 * The home test files' world. Today's work on the home page: each role gets its cards with the right counts, every count equals the
 * length of the list it links to, nothing outside the actor's reach is counted, and the Front head is told
 * once when a form becomes ready for her co-signature. The clock stands on Monday 23/11/2026, 15:00 in Vietnam.
 */

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let b: Awaited<ReturnType<typeof newProvinceTree>>;
export type Who =
  | 'secretary'
  | 'front'
  | 'an'
  | 'hoa'
  | 'commune'
  | 'workplace'
  | 'province'
  | 'otherSecretary'
  | 'otherFront'
  | 'otherCommune'
  | 'admin'
  | 'nobody';
export const s = {} as Record<Who, Session>;
export const ev = {} as Record<string, string>;

export const COMPLETE = {
  example: 'good',
  civic: 'leading',
  attendance: 'full',
  contact: 'regular',
  campaigns: 'active',
  proposal: 'none',
};
export const get = (who: Session, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
export const put = (who: Session, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers: who.headers, payload });

export async function today(who: Session) {
  const res = await get(who, '/api/home/today');
  expect(res.statusCode, res.body).toBe(200);
  return homeTodaySchema.parse(res.json());
}

export function counts(c: HomeCard | undefined): Partial<Record<HomeItemKey, number>> {
  return Object.fromEntries((c?.items ?? []).map((i) => [i.key, i.count]));
}

export async function cardOf(who: Session, role: HomeCard['role']) {
  const cards = (await today(who)).cards.filter((c) => c.role === role);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

/** How many items the list behind a link shows, read from the API the page reads. */
export async function listed(who: Session, url: string): Promise<number> {
  const res = await get(who, url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return (res.json() as { items: unknown[] }).items.length;
}

async function placedMember(tree: typeof a, fullName: string) {
  const m = await newMember(database.db, {
    fullName,
    cellId: tree.workplaceCell.id,
    residenceCommuneId: tree.commune.id,
    residenceAreaId: tree.area.id,
    residenceCellId: tree.residentialCell.id,
  });
  await newLetter(database.db, {
    memberId: m.id,
    issuingUnitId: tree.workplace.id,
    receivingCommuneId: tree.commune.id,
    residenceCellId: tree.residentialCell.id,
    status: 'acknowledged',
  });
  return m;
}

/** A yearly form in the residence cell of `tree`, in `status`, with its current version as given. */
async function form(
  tree: typeof a,
  memberId: string,
  status: 'requested' | 'drafted' | 'returned' | 'signed' | 'delivered' | 'disputed',
  v: { ratings?: Record<string, string>; jointMeetingOn?: string; frontSigned?: boolean } = {},
) {
  const e = await newEvaluation(database.db, {
    memberId,
    workplaceUnitId: tree.workplace.id,
    communeId: tree.commune.id,
    cellId: tree.residentialCell.id,
    status,
    ratings: v.ratings,
  });
  // a request opens version 1 with nothing filled (as the cycle does); the factory leaves it to the caller
  if (status === 'requested')
    await database.db.insert(evaluationVersions).values({ evaluationId: e.id, version: e.version });
  else
    await database.db
      .update(evaluationVersions)
      .set({
        jointMeetingOn: v.jointMeetingOn ?? null,
        frontSignedAt: v.frontSigned ? new Date('2026-11-21T02:00:00Z') : null,
        frontSignerName: v.frontSigned ? 'Lê Thị Mặt Trận' : null,
      })
      .where(and(eq(evaluationVersions.evaluationId, e.id), eq(evaluationVersions.version, e.version)));
  return e.id;
}

/** The world's database, app and trees, as set by the last `setUpHome`. */
export const home = {
  get database() {
    return database;
  },
  get t() {
    return t;
  },
  get a() {
    return a;
  },
  get b() {
    return b;
  },
};

export async function setUpHome() {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  a = await newProvinceTree(db, 'H');
  b = await newProvinceTree(db, 'K');

  // the working members living in cell H1, introduced and placed (Art. 4.1, 4.2)
  const [an, binh, chi, dung, em, giang, hoa, khanh] = await Promise.all(
    [
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Thị Chi',
      'Phạm Văn Dũng',
      'Võ Thị Em',
      'Đặng Văn Giang',
      'Bùi Thị Hoa',
      'Đỗ Văn Khánh',
    ].map((n) => placedMember(a, n)),
  );
  // the commune's inbox: one letter to receive, one received to place; one member never introduced, one on secret duty
  const lan = await newMember(db, {
    fullName: 'Hồ Thị Lan',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });
  await newLetter(db, {
    memberId: lan.id,
    issuingUnitId: a.workplace.id,
    receivingCommuneId: a.commune.id,
    status: 'issued',
    issuedAt: new Date('2026-11-16T02:00:00Z'),
  });
  const minh = await newMember(db, {
    fullName: 'Lý Văn Minh',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });
  await newLetter(db, {
    memberId: minh.id,
    issuingUnitId: a.workplace.id,
    receivingCommuneId: a.commune.id,
    status: 'received',
    issuedAt: new Date('2026-11-10T02:00:00Z'),
  });
  await newMember(db, {
    fullName: 'Chu Văn Nam',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
  });
  await newMember(db, { fullName: 'Mạc Văn Mật', cellId: a.workplaceCell.id, category: 'not_introduced' });

  // meetings of cell H1: one this week (Wednesday), one next week, one past with no record, one held this half-year
  const invite = (ids: string[]) => ids.map((memberId) => ({ memberId, status: 'unrecorded' as const }));
  await newMeeting(db, {
    cellId: a.residentialCell.id,
    status: 'scheduled',
    title: 'Sinh hoạt tháng 11',
    startsAt: new Date('2026-11-25T12:00:00Z'),
    attendance: invite([an.id, binh.id]),
  });
  await newMeeting(db, {
    cellId: a.residentialCell.id,
    status: 'scheduled',
    title: 'Sinh hoạt tháng 12',
    startsAt: new Date('2026-12-02T12:00:00Z'),
    attendance: invite([an.id]),
  });
  await newMeeting(db, {
    cellId: a.residentialCell.id,
    status: 'scheduled',
    title: 'Họp chưa ghi',
    startsAt: new Date('2026-11-10T12:00:00Z'),
    attendance: invite([an.id]),
  });
  await newMeeting(db, {
    cellId: a.residentialCell.id,
    status: 'held',
    startsAt: new Date('2026-09-10T01:00:00Z'),
    attendance: [{ memberId: an.id, status: 'present' }],
  });

  // the year's forms at every stage (Art. 4.4, 4.5, 3.4, 3.5)
  ev.an = await form(a, an.id, 'requested');
  ev.binh = await form(a, binh.id, 'drafted', { ratings: COMPLETE, jointMeetingOn: '2026-11-20' });
  ev.chi = await form(a, chi.id, 'drafted', { ratings: { example: 'good' }, jointMeetingOn: '2026-11-20' });
  ev.dung = await form(a, dung.id, 'drafted', {
    ratings: COMPLETE,
    jointMeetingOn: '2026-11-20',
    frontSigned: true,
  });
  ev.em = await form(a, em.id, 'signed', {
    ratings: COMPLETE,
    jointMeetingOn: '2026-11-20',
    frontSigned: true,
  });
  ev.giang = await form(a, giang.id, 'delivered', {
    ratings: COMPLETE,
    jointMeetingOn: '2026-11-20',
    frontSigned: true,
  });
  ev.hoa = await form(a, hoa.id, 'disputed', {
    ratings: COMPLETE,
    jointMeetingOn: '2026-11-20',
    frontSigned: true,
  });
  ev.khanh = await form(a, khanh.id, 'returned', { ratings: COMPLETE, jointMeetingOn: '2026-11-20' });

  // warnings (Art. 4.4): one due this week, one due at the year's end, one escalated
  await newWarning(db, { memberId: an.id, cellId: a.residentialCell.id, deadline: '2026-11-27' });
  await newWarning(db, { memberId: binh.id, cellId: a.residentialCell.id, deadline: '2026-12-31' });
  await newWarning(db, {
    memberId: chi.id,
    cellId: a.residentialCell.id,
    deadline: '2026-11-01',
    status: 'escalated',
  });

  // the other province has work of its own, which nobody of province H may count
  const [other1, other2] = await Promise.all(
    ['Trịnh Văn Khác', 'Tạ Thị Ngoài'].map((n) => placedMember(b, n)),
  );
  await form(b, other1!.id, 'drafted', { ratings: COMPLETE, jointMeetingOn: '2026-11-20' });
  await form(b, other2!.id, 'signed', { ratings: COMPLETE, jointMeetingOn: '2026-11-20', frontSigned: true });
  await newWarning(db, { memberId: other1!.id, cellId: b.residentialCell.id, deadline: '2026-11-25' });
  await newMeeting(db, {
    cellId: b.residentialCell.id,
    status: 'scheduled',
    startsAt: new Date('2026-11-26T12:00:00Z'),
    attendance: invite([other1!.id]),
  });
  const stray = await newMember(db, { cellId: b.workplaceCell.id, residenceCommuneId: b.commune.id });
  await newLetter(db, {
    memberId: stray.id,
    issuingUnitId: b.workplace.id,
    receivingCommuneId: b.commune.id,
    status: 'issued',
  });

  // the yearly reports to province H (Art. 5): the commune submitted, the workplace is late past the deadline
  await db
    .insert(reportDeadlines)
    .values({ superiorUnitId: a.province.id, year: 2026, dueDate: '2026-11-20' });
  await db
    .insert(yearlyReports)
    .values({
      unitId: a.commune.id,
      superiorUnitId: a.province.id,
      year: 2026,
      status: 'submitted',
      number: 1,
      figures: {} as never,
      figuresAt: new Date('2026-11-19T02:00:00Z'),
      submittedAt: new Date('2026-11-19T02:00:00Z'),
    });

  const users: [Who, Parameters<typeof newUser>[1]][] = [
    ['secretary', { grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }] }],
    [
      'front',
      { email: 'mattran.h1@example.vn', grants: [{ role: 'front_head', unitId: a.residentialCell.id }] },
    ],
    ['an', { memberId: an.id, grants: [{ role: 'member' }] }],
    ['hoa', { memberId: hoa.id, grants: [{ role: 'member' }] }],
    ['commune', { grants: [{ role: 'committee_officer', unitId: a.commune.id }] }],
    ['workplace', { grants: [{ role: 'committee_officer', unitId: a.workplace.id, position: 'secretary' }] }],
    ['province', { grants: [{ role: 'committee_officer', unitId: a.province.id, position: 'staff' }] }],
    ['otherSecretary', { grants: [{ role: 'cell_secretary', unitId: b.residentialCell.id }] }],
    ['otherFront', { grants: [{ role: 'front_head', unitId: b.residentialCell.id }] }],
    ['otherCommune', { grants: [{ role: 'committee_officer', unitId: b.commune.id }] }],
    ['admin', { grants: [{ role: 'admin' }] }],
    ['nobody', {}],
  ];
  for (const [who, o] of users) {
    await newUser(db, { username: `home.${who}`, ...o });
    s[who] = await loginAs(t.app, `home.${who}`);
  }
}

export async function tearDownHome() {
  await t.app.close();
  await database.close();
}
