import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  attendanceResultSchema,
  meetingDetailSchema,
  type MeetingDetail,
} from '../../../shared/contracts/meetings';
import { queryRows, type Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

/** Decision 0010: a check-in made offline and sent later; the secretary's ticks synced after working offline. */

let database: Database;
let t: TestApp;
let s: Record<'secretary' | 'deputy' | 'an' | 'binh' | 'chi', Session>;
let cellId: string;
const ids: Record<'an' | 'binh' | 'chi', string> = { an: '', binh: '', chi: '' };
/** the clock the app starts at: each offline check-in test schedules its meeting from there */
let opening: Date;

const MIN = 60_000;
const post = (who: Session, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload });
const put = (who: Session, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers: who.headers, payload });
const get = async (who: Session, url: string) =>
  meetingDetailSchema.parse(
    (await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } })).json(),
  );

async function meetingIn(minutes: number, title: string): Promise<MeetingDetail> {
  const startsAt = new Date(t.clock.now().getTime() + minutes * MIN);
  const res = await post(s.secretary, '/api/meetings', {
    cellId,
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 90 * MIN).toISOString(),
    place: 'Nhà văn hóa khối 2',
  });
  expect(res.statusCode, res.body).toBe(201);
  return meetingDetailSchema.parse(res.json());
}

/** The code the QR at the meeting showed at that moment (the secretary's list of changing codes). */
function codeShownAt(m: MeetingDetail, at: Date): string {
  const codes = m.checkInCodes!;
  return [...codes].reverse().find((c) => new Date(c.from) <= at)!.code;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  const db = database.db;
  const a = await newProvinceTree(db, 'O');
  cellId = a.residentialCell.id;
  const placed = { residenceCommuneId: a.commune.id, residenceCellId: cellId, cellId: a.workplaceCell.id };
  ids.an = (await newMember(db, { fullName: 'Nguyễn Văn An', cardNumber: '62000001', ...placed })).id;
  ids.binh = (await newMember(db, { fullName: 'Trần Thị Bình', cardNumber: '62000002', ...placed })).id;
  ids.chi = (await newMember(db, { fullName: 'Lê Thị Chi', cardNumber: '62000003', ...placed })).id;
  await newUser(db, { username: 'secretary', grants: [{ role: 'cell_secretary', unitId: cellId }] });
  await newUser(db, { username: 'deputy', grants: [{ role: 'cell_secretary', unitId: cellId }] });
  for (const name of ['an', 'binh', 'chi'] as const)
    await newUser(db, { username: name, memberId: ids[name], grants: [{ role: 'member' }] });
  s = {
    secretary: await loginAs(t.app, 'secretary'),
    deputy: await loginAs(t.app, 'deputy'),
    an: await loginAs(t.app, 'an'),
    binh: await loginAs(t.app, 'binh'),
    chi: await loginAs(t.app, 'chi'),
  };
  opening = t.clock.now();
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('a check-in made offline, sent later', () => {
  let m: MeetingDetail;
  let start: Date;
  let n = 0;

  // Each test its own meeting an hour ahead (titles differ: a cell's meeting is its start and title).
  beforeEach(async () => {
    t.clock.set(opening);
    m = await meetingIn(60, `Sinh hoạt khi mất mạng ${++n}`);
    start = new Date(m.startsAt);
  });

  /** A scan the phone made at `scannedAt` with the code then on screen, sent now. */
  const sendScan = (who: Session, scannedAt: Date) =>
    post(who, `/api/meetings/${m.id}/check-in`, {
      code: codeShownAt(m, scannedAt),
      scannedAt: scannedAt.toISOString(),
    });
  /** back in signal hours after the meeting */
  const hoursLater = () => t.clock.set(new Date(start.getTime() + 4 * 60 * MIN));

  it('gives the secretary changing codes over the whole window, and members none', async () => {
    expect(m.checkInCodes!.length).toBeGreaterThanOrEqual(30); // 30 min before, 90 min, 30 min after, every 5 min
    expect(new Set(m.checkInCodes!.map((c) => c.code)).size).toBe(m.checkInCodes!.length);
    expect(
      m.checkInCodes!.every((c) => !c.code.includes(new URL(m.checkInUrl!).searchParams.get('code')!)),
    ).toBe(true);
    expect((await get(s.an, `/api/meetings/${m.id}`)).checkInCodes).toBeNull();
  });

  it('counts at the scan time when the code was shown then, and says it was offline', async () => {
    const scannedAt = new Date(start.getTime() + 3 * MIN);
    hoursLater();
    const res = await sendScan(s.an, scannedAt);
    expect(res.statusCode, res.body).toBe(200);
    expect(meetingDetailSchema.parse(res.json()).mine).toMatchObject({
      status: 'present',
      method: 'self_qr',
      checkedInOffline: true,
      checkedInAt: scannedAt.toISOString(),
    });
    // the secretary sees it on the register
    const row = (await get(s.secretary, `/api/meetings/${m.id}`)).attendance.find(
      (r) => r.memberId === ids.an,
    );
    expect(row).toMatchObject({ status: 'present', checkedInOffline: true });
  });

  it('records once when the queue sends the same check-in twice', async () => {
    const scannedAt = new Date(start.getTime() + 3 * MIN);
    hoursLater();
    expect((await sendScan(s.an, scannedAt)).statusCode).toBe(200);
    const again = await sendScan(s.an, scannedAt);
    expect(again.statusCode).toBe(200);
    const audit = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'meeting.check_in' and entity_id = ${m.id}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('is late when the scan was past the grace period', async () => {
    hoursLater();
    const res = await sendScan(s.binh, new Date(start.getTime() + 40 * MIN));
    expect(meetingDetailSchema.parse(res.json()).mine).toMatchObject({
      status: 'late',
      checkedInOffline: true,
    });
  });

  it('refuses a scan time that does not match the code, one in the future, one outside the window, and the copied link', async () => {
    hoursLater();
    const shownAt = new Date(start.getTime() + 10 * MIN);
    const code = codeShownAt(m, shownAt);
    const send = (scannedAt: Date, c = code) =>
      post(s.chi, `/api/meetings/${m.id}/check-in`, { code: c, scannedAt: scannedAt.toISOString() });
    const refused = async (scannedAt: Date, key: RegExp, c?: string) => {
      const res = await send(scannedAt, c);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.message).toMatch(key);
    };
    // the phone claims an hour earlier than the QR was on screen
    await refused(new Date(shownAt.getTime() - 60 * MIN), /không khớp/);
    // a scan "later than now" (the phone's clock ahead)
    t.clock.set(new Date(start.getTime() + 12 * MIN));
    await refused(
      new Date(start.getTime() + 60 * MIN),
      /sau giờ hiện tại/,
      codeShownAt(m, new Date(start.getTime() + 60 * MIN)),
    );
    // a code shown before the window opens cannot exist; one shown at the opening, claimed just before it
    const opening = codeShownAt(m, new Date(start.getTime() - 30 * MIN));
    await refused(new Date(start.getTime() - 33 * MIN), /ngoài thời gian điểm danh/, opening);
    // the copied link proves no time: online only
    await refused(shownAt, /quét mã QR/, new URL(m.checkInUrl!).searchParams.get('code')!);
    // a forged signature is a wrong code
    const forged = await send(
      shownAt,
      code.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    expect(forged.statusCode).toBe(422);
    expect(forged.json().error.code).toBe('meeting_checkin_bad_code');
    expect(
      (await get(s.secretary, `/api/meetings/${m.id}`)).attendance.find((r) => r.memberId === ids.chi)
        ?.status,
    ).toBe('unrecorded');
  });

  it('still checks in online with the QR’s code, at the server’s time', async () => {
    t.clock.set(new Date(start.getTime() + 12 * MIN));
    const now = t.clock.now();
    const res = await post(s.chi, `/api/meetings/${m.id}/check-in`, { code: codeShownAt(m, now) });
    expect(meetingDetailSchema.parse(res.json()).mine).toMatchObject({
      status: 'present',
      checkedInOffline: false,
      checkedInAt: now.toISOString(),
    });
  });
});

describe('the tick list synced after working offline', () => {
  // near real time: the base versions are the database's own timestamps
  beforeEach(() => t.clock.set(new Date(Date.now())));

  it('keeps the server’s newer changes and reports them; the rest is saved; a second sync changes nothing', async () => {
    const m = await meetingIn(10, 'Sinh hoạt điểm danh ngoại tuyến');
    t.clock.advance(15 * MIN);
    const base = new Map(m.attendance.map((r) => [r.memberId, r.updatedAt]));
    // while the secretary is offline: An checks in by QR, the deputy ticks Bình absent with a reason
    t.clock.advance(MIN);
    expect(
      (await post(s.an, `/api/meetings/${m.id}/check-in`, { code: codeShownAt(m, t.clock.now()) }))
        .statusCode,
    ).toBe(200);
    const dep = await put(s.deputy, `/api/meetings/${m.id}/attendance`, {
      rows: [{ memberId: ids.binh, status: 'absent_excused', reason: 'Ốm' }],
    });
    expect(dep.statusCode, dep.body).toBe(200);
    t.clock.advance(MIN);
    // the secretary's offline ticks, on the versions she had
    const ticks = {
      rows: [
        { memberId: ids.an, status: 'absent_unexcused', baseUpdatedAt: base.get(ids.an) },
        { memberId: ids.binh, status: 'present', baseUpdatedAt: base.get(ids.binh) },
        { memberId: ids.chi, status: 'late', baseUpdatedAt: base.get(ids.chi) },
      ],
    };
    const res = await put(s.secretary, `/api/meetings/${m.id}/attendance`, ticks);
    expect(res.statusCode, res.body).toBe(200);
    const result = attendanceResultSchema.parse(res.json());
    expect(new Set(result.overridden)).toEqual(new Set([ids.an, ids.binh]));
    const status = (id: string) => result.attendance.find((r) => r.memberId === id)?.status;
    expect([status(ids.an), status(ids.binh), status(ids.chi)]).toEqual([
      'present',
      'absent_excused',
      'late',
    ]);

    t.clock.advance(MIN);
    const again = attendanceResultSchema.parse(
      (await put(s.secretary, `/api/meetings/${m.id}/attendance`, ticks)).json(),
    );
    expect(again.overridden.sort()).toEqual([ids.an, ids.binh].sort());
    expect(again.attendance.find((r) => r.memberId === ids.chi)?.status).toBe('late');
    const audit = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'meeting.attendance' and entity_id = ${m.id}`,
    );
    expect(audit[0]!.n).toBe(2); // the deputy's tick and the secretary's one change for Chi
  });

  it('without a base version (ticks saved online), the secretary’s tick applies as before', async () => {
    const m = await meetingIn(10, 'Sinh hoạt điểm danh trực tuyến');
    t.clock.advance(15 * MIN);
    expect(
      (await post(s.binh, `/api/meetings/${m.id}/check-in`, { code: codeShownAt(m, t.clock.now()) }))
        .statusCode,
    ).toBe(200);
    const res = attendanceResultSchema.parse(
      (
        await put(s.secretary, `/api/meetings/${m.id}/attendance`, {
          rows: [{ memberId: ids.binh, status: 'late' }],
        })
      ).json(),
    );
    expect(res.overridden).toEqual([]);
    expect(res.attendance.find((r) => r.memberId === ids.binh)).toMatchObject({
      status: 'late',
      method: 'secretary',
      checkedInOffline: false,
    });
  });
});
