import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeTodaySchema, type HomeCard, type HomeItemKey } from '../../../shared/contracts/home';
import { queryRows, type Database } from '../../db/client';
import { evaluationCycles, evaluationVersions, reportDeadlines, yearlyReports } from '../../db/schema';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { newEvaluation, newLetter, newMeeting, newWarning } from '../../../../tests/fixtures/domain-factories';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';

/**
 * Today's work on the home page: each role gets its cards with the right counts, every count equals the
 * length of the list it links to, nothing outside the actor's reach is counted, and the Front head is told
 * once when a form becomes ready for her co-signature. The clock stands on Monday 23/11/2026, 15:00 in Vietnam.
 */

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let b: Awaited<ReturnType<typeof newProvinceTree>>;
type Who = 'secretary' | 'front' | 'an' | 'hoa' | 'commune' | 'workplace' | 'province' | 'otherSecretary' | 'otherFront' | 'otherCommune' | 'admin' | 'nobody';
const s = {} as Record<Who, Session>;
const ev = {} as Record<string, string>;

const COMPLETE = { example: 'good', civic: 'leading', attendance: 'full', contact: 'regular', campaigns: 'active', proposal: 'none' };
const get = (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const put = (who: Session, url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: who.headers, payload });

async function today(who: Session) {
  const res = await get(who, '/api/home/today');
  expect(res.statusCode, res.body).toBe(200);
  return homeTodaySchema.parse(res.json());
}

function counts(c: HomeCard | undefined): Partial<Record<HomeItemKey, number>> {
  return Object.fromEntries((c?.items ?? []).map((i) => [i.key, i.count]));
}

async function cardOf(who: Session, role: HomeCard['role']) {
  const cards = (await today(who)).cards.filter((c) => c.role === role);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

/** How many items the list behind a link shows, read from the API the page reads. */
async function listed(who: Session, url: string): Promise<number> {
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
  await newLetter(database.db, { memberId: m.id, issuingUnitId: tree.workplace.id, receivingCommuneId: tree.commune.id, residenceCellId: tree.residentialCell.id, status: 'acknowledged' });
  return m;
}

/** A yearly form in the residence cell of `tree`, in `status`, with its current version as given. */
async function form(tree: typeof a, memberId: string, status: 'requested' | 'drafted' | 'returned' | 'signed' | 'delivered' | 'disputed', v: { ratings?: Record<string, string>; jointMeetingOn?: string; frontSigned?: boolean } = {}) {
  const e = await newEvaluation(database.db, { memberId, workplaceUnitId: tree.workplace.id, communeId: tree.commune.id, cellId: tree.residentialCell.id, status, ratings: v.ratings });
  // a request opens version 1 with nothing filled (as the cycle does); the factory leaves it to the caller
  if (status === 'requested') await database.db.insert(evaluationVersions).values({ evaluationId: e.id, version: e.version });
  else
    await database.db
      .update(evaluationVersions)
      .set({ jointMeetingOn: v.jointMeetingOn ?? null, frontSignedAt: v.frontSigned ? new Date('2026-11-21T02:00:00Z') : null, frontSignerName: v.frontSigned ? 'Lê Thị Mặt Trận' : null })
      .where(and(eq(evaluationVersions.evaluationId, e.id), eq(evaluationVersions.version, e.version)));
  return e.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  a = await newProvinceTree(db, 'H');
  b = await newProvinceTree(db, 'K');

  // the working members living in cell H1, introduced and placed (Art. 4.1, 4.2)
  const [an, binh, chi, dung, em, giang, hoa, khanh] = await Promise.all(
    ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Thị Chi', 'Phạm Văn Dũng', 'Võ Thị Em', 'Đặng Văn Giang', 'Bùi Thị Hoa', 'Đỗ Văn Khánh'].map((n) => placedMember(a, n)),
  );
  // the commune's inbox: one letter to receive, one received to place; one member never introduced, one on secret duty
  const lan = await newMember(db, { fullName: 'Hồ Thị Lan', cellId: a.workplaceCell.id, residenceCommuneId: a.commune.id });
  await newLetter(db, { memberId: lan.id, issuingUnitId: a.workplace.id, receivingCommuneId: a.commune.id, status: 'issued', issuedAt: new Date('2026-11-16T02:00:00Z') });
  const minh = await newMember(db, { fullName: 'Lý Văn Minh', cellId: a.workplaceCell.id, residenceCommuneId: a.commune.id });
  await newLetter(db, { memberId: minh.id, issuingUnitId: a.workplace.id, receivingCommuneId: a.commune.id, status: 'received', issuedAt: new Date('2026-11-10T02:00:00Z') });
  await newMember(db, { fullName: 'Chu Văn Nam', cellId: a.workplaceCell.id, residenceCommuneId: a.commune.id });
  await newMember(db, { fullName: 'Mạc Văn Mật', cellId: a.workplaceCell.id, category: 'not_introduced' });

  // meetings of cell H1: one this week (Wednesday), one next week, one past with no record, one held this half-year
  const invite = (ids: string[]) => ids.map((memberId) => ({ memberId, status: 'unrecorded' as const }));
  await newMeeting(db, { cellId: a.residentialCell.id, status: 'scheduled', title: 'Sinh hoạt tháng 11', startsAt: new Date('2026-11-25T12:00:00Z'), attendance: invite([an.id, binh.id]) });
  await newMeeting(db, { cellId: a.residentialCell.id, status: 'scheduled', title: 'Sinh hoạt tháng 12', startsAt: new Date('2026-12-02T12:00:00Z'), attendance: invite([an.id]) });
  await newMeeting(db, { cellId: a.residentialCell.id, status: 'scheduled', title: 'Họp chưa ghi', startsAt: new Date('2026-11-10T12:00:00Z'), attendance: invite([an.id]) });
  await newMeeting(db, { cellId: a.residentialCell.id, status: 'held', startsAt: new Date('2026-09-10T01:00:00Z'), attendance: [{ memberId: an.id, status: 'present' }] });

  // the year's forms at every stage (Art. 4.4, 4.5, 3.4, 3.5)
  ev.an = await form(a, an.id, 'requested');
  ev.binh = await form(a, binh.id, 'drafted', { ratings: COMPLETE, jointMeetingOn: '2026-11-20' });
  ev.chi = await form(a, chi.id, 'drafted', { ratings: { example: 'good' }, jointMeetingOn: '2026-11-20' });
  ev.dung = await form(a, dung.id, 'drafted', { ratings: COMPLETE, jointMeetingOn: '2026-11-20', frontSigned: true });
  ev.em = await form(a, em.id, 'signed', { ratings: COMPLETE, jointMeetingOn: '2026-11-20', frontSigned: true });
  ev.giang = await form(a, giang.id, 'delivered', { ratings: COMPLETE, jointMeetingOn: '2026-11-20', frontSigned: true });
  ev.hoa = await form(a, hoa.id, 'disputed', { ratings: COMPLETE, jointMeetingOn: '2026-11-20', frontSigned: true });
  ev.khanh = await form(a, khanh.id, 'returned', { ratings: COMPLETE, jointMeetingOn: '2026-11-20' });

  // warnings (Art. 4.4): one due this week, one due at the year's end, one escalated
  await newWarning(db, { memberId: an.id, cellId: a.residentialCell.id, deadline: '2026-11-27' });
  await newWarning(db, { memberId: binh.id, cellId: a.residentialCell.id, deadline: '2026-12-31' });
  await newWarning(db, { memberId: chi.id, cellId: a.residentialCell.id, deadline: '2026-11-01', status: 'escalated' });

  // the other province has work of its own, which nobody of province H may count
  const [other1, other2] = await Promise.all(['Trịnh Văn Khác', 'Tạ Thị Ngoài'].map((n) => placedMember(b, n)));
  await form(b, other1!.id, 'drafted', { ratings: COMPLETE, jointMeetingOn: '2026-11-20' });
  await form(b, other2!.id, 'signed', { ratings: COMPLETE, jointMeetingOn: '2026-11-20', frontSigned: true });
  await newWarning(db, { memberId: other1!.id, cellId: b.residentialCell.id, deadline: '2026-11-25' });
  await newMeeting(db, { cellId: b.residentialCell.id, status: 'scheduled', startsAt: new Date('2026-11-26T12:00:00Z'), attendance: invite([other1!.id]) });
  const stray = await newMember(db, { cellId: b.workplaceCell.id, residenceCommuneId: b.commune.id });
  await newLetter(db, { memberId: stray.id, issuingUnitId: b.workplace.id, receivingCommuneId: b.commune.id, status: 'issued' });

  // the yearly reports to province H (Art. 5): the commune submitted, the workplace is late past the deadline
  await db.insert(reportDeadlines).values({ superiorUnitId: a.province.id, year: 2026, dueDate: '2026-11-20' });
  await db.insert(yearlyReports).values({ unitId: a.commune.id, superiorUnitId: a.province.id, year: 2026, status: 'submitted', number: 1, figures: {} as never, figuresAt: new Date('2026-11-19T02:00:00Z'), submittedAt: new Date('2026-11-19T02:00:00Z') });

  const users: [Who, Parameters<typeof newUser>[1]][] = [
    ['secretary', { grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }] }],
    ['front', { email: 'mattran.h1@example.vn', grants: [{ role: 'front_head', unitId: a.residentialCell.id }] }],
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
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('each role sees its work, and each count is the length of its list', () => {
  it('the cell secretary: meetings this week, attendance to record, forms to draft and to sign, warnings due', async () => {
    const c = await cardOf(s.secretary, 'cell');
    expect(c.unitId).toBe(a.residentialCell.id);
    expect(counts(c)).toEqual({ meetingsThisWeek: 1, attendanceToRecord: 1, formsToDraft: 3, formsAwaitingFront: 1, formsToSign: 1, warningsDue: 1 });
    const week = c.items.find((i) => i.key === 'meetingsThisWeek')!;
    expect(week.meeting?.title).toBe('Sinh hoạt tháng 11');
    // the cell met this half-year (September): nothing is due before the half-year ends
    expect(week.done).toBe(true);
    expect(week.link).toEqual({ to: '/meetings', search: { cellId: a.residentialCell.id, tab: 'upcoming', queue: 'week' } });
    const cell = a.residentialCell.id;
    expect(await listed(s.secretary, `/api/meetings?cellId=${cell}&when=week`)).toBe(1);
    expect(await listed(s.secretary, `/api/meetings?cellId=${cell}&when=toRecord`)).toBe(1);
    for (const [queue, n] of [['toDraft', 3], ['awaitingFront', 1], ['toSign', 1]] as const)
      expect(await listed(s.secretary, `/api/evaluations?side=cell&unitId=${cell}&year=2026&queue=${queue}`), queue).toBe(n);
    expect(await listed(s.secretary, '/api/warnings?queue=due')).toBe(1);
    expect(c.items.find((i) => i.key === 'warningsDue')!.date).toBe('2026-11-27');
  });

  it('the Front head: the forms awaiting her co-signature', async () => {
    const c = await cardOf(s.front, 'front');
    expect(counts(c)).toEqual({ formsToCoSign: 1 });
    expect(c.items[0]!.link).toEqual({ to: '/evaluations', search: { side: 'front', queue: 'awaitingFront' } });
    const list = (await get(s.front, '/api/evaluations?side=front&year=2026&queue=awaitingFront')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual([ev.binh]);
  });

  it('the member: the next meeting and the answer to it, the self-report due, open warnings, the comment released', async () => {
    const an = await cardOf(s.an, 'member');
    expect(counts(an)).toEqual({ nextMeeting: 2, selfReportDue: 1, openWarnings: 1, commentReleased: 0 });
    const next = an.items.find((i) => i.key === 'nextMeeting')!;
    expect(next.meeting).toMatchObject({ title: 'Sinh hoạt tháng 11', rsvp: null });
    expect(an.items.find((i) => i.key === 'selfReportDue')!.date).toBe('2026-12-15');
    const mine = (await get(s.an, '/api/meetings/mine')).json() as { items: { status: string; endsAt: string }[] };
    expect(mine.items.filter((m) => m.status === 'scheduled' && new Date(m.endsAt) >= t.clock.now())).toHaveLength(2);
    expect(await listed(s.an, '/api/warnings?mine=true&queue=unresolved')).toBe(1);
    // a disputed comment was released to her first
    expect(counts(await cardOf(s.hoa, 'member'))).toMatchObject({ commentReleased: 1, selfReportDue: 0, nextMeeting: 0 });
  });

  it('the commune: letters to receive, members to place, forms to confirm, cells that missed the last half-year', async () => {
    const c = await cardOf(s.commune, 'commune');
    expect(counts(c)).toEqual({ lettersToReceive: 1, membersToPlace: 1, formsToConfirm: 1, cellsMissedHalfYear: 1 });
    const commune = a.commune.id;
    expect(await listed(s.commune, `/api/introductions/letters?side=commune&unitId=${commune}&status=issued`)).toBe(1);
    expect(await listed(s.commune, `/api/introductions/letters?side=commune&unitId=${commune}&status=received`)).toBe(1);
    expect(await listed(s.commune, '/api/evaluations?side=commune&year=2026&queue=toConfirm')).toBe(1);
    const missed = c.items.find((i) => i.key === 'cellsMissedHalfYear')!;
    expect(missed).toMatchObject({ year: 2026, half: 1 });
    const search = new URLSearchParams(Object.entries(missed.link.search).map(([k, v]) => [k, String(v)]));
    expect(missed.link.to).toBe('/reports/list');
    expect(await listed(s.commune, `/api/reports/list?${search}`)).toBe(1);
  });

  it('the workplace: members not introduced, the cycle not opened, comments received, open disputes', async () => {
    const c = await cardOf(s.workplace, 'workplace');
    expect(counts(c)).toEqual({ membersNotIntroduced: 1, cycleNotOpened: 1, commentsReceived: 1, openDisputes: 1 });
    const unit = a.workplace.id;
    expect(await listed(s.workplace, `/api/introductions/workplace/members?unitId=${unit}&stage=not_introduced`)).toBe(1);
    expect(await listed(s.workplace, `/api/evaluations?side=workplace&unitId=${unit}&year=2026&queue=toRelease`)).toBe(1);
    expect(await listed(s.workplace, `/api/evaluations?side=workplace&unitId=${unit}&year=2026&queue=disputed`)).toBe(1);
    // once the year's cycle is open the item says so, with its due date
    await database.db.insert(evaluationCycles).values({ workplaceUnitId: unit, year: 2026, ruleSetCode: 'reg-213-2020', dueDate: '2026-12-15' });
    const opened = (await cardOf(s.workplace, 'workplace')).items.find((i) => i.key === 'cycleNotOpened')!;
    expect(opened).toMatchObject({ count: 0, done: true, date: '2026-12-15' });
  });

  it('the province: the yearly reports of the committees below, to receive, late, not submitted', async () => {
    const c = await cardOf(s.province, 'superior');
    expect(counts(c)).toEqual({ reportsToReceive: 1, reportsLate: 1, reportsNotSubmitted: 1 });
    expect(c.items[0]!.date).toBe('2026-11-20');
    const sub = (await get(s.province, `/api/reports/submissions?unitId=${a.province.id}&year=2026`)).json() as { items: { state: string; late: boolean }[] };
    expect(sub.items.filter((i) => i.state === 'submitted')).toHaveLength(1);
    expect(sub.items.filter((i) => i.late)).toHaveLength(1);
    // a province officer is no cell, no commune and no workplace
    expect((await today(s.province)).cards.map((x) => x.role)).toEqual(['superior']);
  });
});

describe('nothing outside the actor’s reach', () => {
  it('the other province’s people count their own work only', async () => {
    expect(counts(await cardOf(s.otherSecretary, 'cell'))).toEqual({ meetingsThisWeek: 1, attendanceToRecord: 0, formsToDraft: 0, formsAwaitingFront: 1, formsToSign: 0, warningsDue: 1 });
    expect(counts(await cardOf(s.otherFront, 'front'))).toEqual({ formsToCoSign: 1 });
    expect(counts(await cardOf(s.otherCommune, 'commune'))).toMatchObject({ lettersToReceive: 1, membersToPlace: 0, formsToConfirm: 1 });
  });

  it('a card comes from a grant only: an administrator and an account without roles get none', async () => {
    expect((await today(s.admin)).cards).toEqual([]);
    expect((await today(s.nobody)).cards).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/home/today' })).statusCode).toBe(401);
  });

  it('is documented in the OpenAPI description like every other route', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { get?: { tags?: string[] } }> };
    expect(spec.paths['/api/home/today']?.get?.tags).toEqual(['home']);
  });
});

describe('the Front head is told when a form is ready for her co-signature', () => {
  const notices = () =>
    queryRows<{ params: Record<string, unknown>; readAt: string | null; link: string }>(
      database.db,
      sql`select n.params, n.read_at as "readAt", n.link from notifications n join users u on u.id = n.user_id
          where u.username = 'home.front' and n.kind = 'evaluation_awaiting_front_sign' order by n.created_at`,
    );
  const mails = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from email_outbox where to_address = 'mattran.h1@example.vn'`))[0]!.n;
  const save = (id: string, ratings: Record<string, string>, otherComments = 'Gương mẫu') =>
    put(s.secretary, `/api/evaluations/${id}/form`, { ratings, justifications: {}, otherComments, jointMeetingOn: '2026-11-20', jointMeetingParticipants: 'Chi ủy, Ban công tác Mặt trận' });

  it('an incomplete draft tells her nothing; the complete one once, however often it is saved again', async () => {
    expect((await save(ev.an, { example: 'good' })).statusCode).toBe(200);
    expect(await notices()).toHaveLength(0);
    const done = await save(ev.an, COMPLETE);
    expect(done.statusCode, done.body).toBe(200);
    // the step retried, and an edit while it waits: still the one notice and the one e-mail
    expect((await save(ev.an, COMPLETE)).statusCode).toBe(200);
    expect((await save(ev.an, COMPLETE, 'Gương mẫu, nhiệt tình')).statusCode).toBe(200);
    const list = await notices();
    expect(list).toHaveLength(1);
    expect(list[0]!.params).toMatchObject({ member: 'Nguyễn Văn An', year: 2026, count: 1 });
    expect(list[0]!.link).toBe('/evaluations?side=front&queue=awaitingFront');
    expect(await mails()).toBe(1);
    expect(counts(await cardOf(s.front, 'front'))).toEqual({ formsToCoSign: 2 });
  });

  it('the next form ready while she has not read it raises the count (no second e-mail); after reading, a new notice', async () => {
    expect((await save(ev.chi, COMPLETE)).statusCode).toBe(200);
    let list = await notices();
    expect(list).toHaveLength(1);
    expect(list[0]!.params).toMatchObject({ member: 'Lê Thị Chi', count: 2 });
    expect(await mails()).toBe(1);
    await database.db.execute(sql`update notifications set read_at = now() where kind = 'evaluation_awaiting_front_sign'`);
    // a returned form corrected by the cell is ready again
    expect((await save(ev.khanh, COMPLETE)).statusCode).toBe(200);
    list = await notices();
    expect(list).toHaveLength(2);
    expect(list[1]!.params).toMatchObject({ member: 'Đỗ Văn Khánh', count: 1 });
    expect(await mails()).toBe(2);
  });

  it('a co-signed form changed by the cell loses the signature and waits for her again', async () => {
    await database.db.execute(sql`update notifications set read_at = now() where kind = 'evaluation_awaiting_front_sign'`);
    const changed = { ...COMPLETE, campaigns: 'very_active' };
    expect((await save(ev.dung, changed)).statusCode).toBe(200);
    const list = await notices();
    expect(list).toHaveLength(3);
    expect(list[2]!.params).toMatchObject({ member: 'Phạm Văn Dũng' });
    expect(counts(await cardOf(s.secretary, 'cell'))).toMatchObject({ formsToSign: 0 });
  });
});
