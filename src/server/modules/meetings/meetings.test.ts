import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  complianceSchema,
  meetingDetailSchema,
  memberRecordSchema,
} from '../../../shared/contracts/meetings';
import { vnYear } from '../../../shared/rules/vietnam-calendar';
import type { Session } from '../../../../tests/fixtures/app';
import { flagMissedHalfYears, sendMeetingReminders } from './meetings.jobs';
import {
  heldMeeting,
  HOUR,
  meetingTomorrow,
  meetingUnderWay,
  meetingWorld,
  upcomingMeeting,
  type MeetingWorld,
} from './meetings.fixture';

/** Each test starts from its own world (meetings.fixture.ts) and builds the meetings it needs. */
let w: MeetingWorld;

beforeEach(async () => {
  w = await meetingWorld();
});

afterEach(() => w.close());

describe('a meeting from invitation to minutes', () => {
  it('invites every working member placed in the cell, exempt members pre-excused', async () => {
    const start = new Date(w.t.clock.now().getTime() + 5 * 24 * HOUR);
    const m = await w.schedule(start);
    expect(m.attendance.map((r) => [r.fullName, r.status])).toEqual([
      ['Nguyễn Văn An', 'unrecorded'],
      ['Trần Thị Bình', 'unrecorded'],
      ['Lê Văn Miễn', 'excused_exempt'],
    ]);
    expect(m.attendance.map((r) => r.memberId)).not.toContain(w.retired.id);
    expect(await w.notes('an', 'meeting_invited')).toHaveLength(1);
  });

  it('is scheduled only by the cell (another cell’s secretary gets 404, a member 404)', async () => {
    const { s, post, get } = w;
    const { id, start } = await upcomingMeeting(w);
    const body = {
      cellId: w.a.residentialCell.id,
      title: 'Họp riêng',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
      place: 'Nhà ông Y',
    };
    expect((await post(s.otherCell, '/api/meetings', body)).statusCode).toBe(404);
    expect((await post(s.an, '/api/meetings', body)).statusCode).toBe(404);
    expect((await get(s.otherCell, `/api/meetings/${id}`)).statusCode).toBe(404);
  });

  it('reminds 3 days and 1 day before, once each', async () => {
    const { t, database } = w;
    await upcomingMeeting(w);
    t.clock.advance(2 * 24 * HOUR + HOUR); // 3 days minus 1 hour before
    expect(await sendMeetingReminders({ db: database.db, clock: t.clock })).toBe(2);
    expect(await sendMeetingReminders({ db: database.db, clock: t.clock })).toBe(0);
    t.clock.advance(2 * 24 * HOUR); // 1 day minus 1 hour before
    expect(await sendMeetingReminders({ db: database.db, clock: t.clock })).toBe(2);
    expect((await w.notes('an', 'meeting_reminder')).map((n) => n.params.days)).toEqual([3, 1]);
  });

  it('takes RSVPs with a reason until the start', async () => {
    const { s, post } = w;
    const { id } = await meetingTomorrow(w);
    expect((await post(s.binh, `/api/meetings/${id}/rsvp`, { rsvp: 'not_attending' })).statusCode).toBe(422);
    const res = await post(s.binh, `/api/meetings/${id}/rsvp`, {
      rsvp: 'not_attending',
      reason: 'Đi công tác Hà Nội',
    });
    expect(meetingDetailSchema.parse(res.json()).mine).toMatchObject({
      rsvp: 'not_attending',
      rsvpReason: 'Đi công tác Hà Nội',
    });
    // A member sees only their own row.
    expect(meetingDetailSchema.parse(res.json()).attendance).toHaveLength(1);
  });

  it('self check-in only with the code, only in the window, own row only, and a second scan is harmless', async () => {
    const { s, post, get, t } = w;
    const { id, start } = await meetingTomorrow(w);
    const code = new URL(
      meetingDetailSchema.parse((await get(s.secretary, `/api/meetings/${id}`)).json()).checkInUrl!,
    ).searchParams.get('code')!;
    expect((await post(s.an, `/api/meetings/${id}/check-in`, { code })).statusCode).toBe(409); // a day early
    t.clock.set(new Date(start.getTime() + 5 * 60_000));
    expect((await post(s.an, `/api/meetings/${id}/check-in`, { code: 'wrong-code-123' })).statusCode).toBe(
      422,
    );
    const ok = meetingDetailSchema.parse((await post(s.an, `/api/meetings/${id}/check-in`, { code })).json());
    expect(ok.mine).toMatchObject({ status: 'present', method: 'self_qr' });
    expect((await post(s.an, `/api/meetings/${id}/check-in`, { code })).statusCode).toBe(200);
    expect((await post(s.binh, `/api/meetings/${id}/rsvp`, { rsvp: 'attending' })).statusCode).toBe(409);
  });

  it('the tick list covers invited members only', async () => {
    const { s, put } = w;
    const { id } = await meetingUnderWay(w);
    const res = await put(s.secretary, `/api/meetings/${id}/attendance`, {
      rows: [{ memberId: w.retired.id, status: 'present' }],
    });
    expect(res.statusCode).toBe(422);
    expect(
      (
        await put(s.an, `/api/meetings/${id}/attendance`, {
          rows: [{ memberId: w.an.id, status: 'present' }],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('holding it marks the unrecorded absent (excused when they said so) and locks minutes later', async () => {
    const { s, post, put, t } = w;
    const { id } = await meetingUnderWay(w);
    const held = meetingDetailSchema.parse((await post(s.secretary, `/api/meetings/${id}/hold`)).json());
    expect(held.attendance.map((r) => [r.fullName, r.status])).toEqual([
      ['Nguyễn Văn An', 'present'],
      ['Trần Thị Bình', 'absent_excused'],
      ['Lê Văn Miễn', 'excused_exempt'],
    ]);
    const minutes = await put(s.secretary, `/api/meetings/${id}/minutes`, {
      minutesSummary: 'Thống nhất làm đường ngõ 7.',
    });
    expect(meetingDetailSchema.parse(minutes.json()).minutesSummary).toBe('Thống nhất làm đường ngõ 7.');
    t.clock.advance(8 * 24 * HOUR);
    expect(
      (await put(s.secretary, `/api/meetings/${id}/minutes`, { minutesSummary: 'Sửa' })).statusCode,
    ).toBe(422);
    const amended = meetingDetailSchema.parse(
      (
        await put(s.secretary, `/api/meetings/${id}/minutes`, {
          minutesSummary: 'Sửa',
          amendmentReason: 'Ghi thiếu ý kiến',
        })
      ).json(),
    );
    expect(amended.amendments).toEqual([
      expect.objectContaining({
        field: 'minutesSummary',
        before: 'Thống nhất làm đường ngõ 7.',
        after: 'Sửa',
      }),
    ]);
    // After the window the member cannot change their attendance any more.
    expect((await post(s.an, `/api/meetings/${id}/check-in`, { code: 'whatever-123' })).statusCode).toBe(422);
  });
});

describe('repeated unexcused absence and the half-year rule', () => {
  it('a second unexcused absence in a row notifies the commune and the workplace, once', async () => {
    const { s, post, put, get, t, notes } = w;
    // An earlier meeting Bình was excused from: it counts as invited, not as unexcused.
    await heldMeeting(
      w,
      new Date(t.clock.now().getTime() - 7 * 24 * HOUR),
      'absent_excused',
      'Đi công tác Hà Nội',
    );
    for (const n of [1, 2]) {
      const start = new Date(t.clock.now().getTime() + HOUR);
      const m = await w.schedule(start, `Họp ${n}`);
      t.clock.set(new Date(start.getTime() + 10 * 60_000));
      await put(s.secretary, `/api/meetings/${m.id}/attendance`, {
        rows: [{ memberId: w.an.id, status: 'present' }],
      });
      await post(s.secretary, `/api/meetings/${m.id}/hold`); // Bình recorded by nobody: absent without reason
      t.clock.advance(3 * HOUR);
    }
    expect(await notes('workplace', 'absences_reported')).toEqual([
      { params: expect.objectContaining({ member: 'Trần Thị Bình', count: 2 }) },
    ]);
    expect(await notes('commune', 'absences_reported')).toHaveLength(1);
    const record = memberRecordSchema.parse(
      (await get(s.workplace, `/api/meetings/members/${w.binh.id}/record`)).json(),
    );
    expect(record).toMatchObject({ invited: 3, attended: 0, unexcused: 2, consecutiveUnexcused: 2 });
    expect((await get(s.otherCell, `/api/meetings/members/${w.binh.id}/record`)).statusCode).toBe(404);
  });

  it('counts half-years on the Vietnamese calendar and flags a missed one once, across the year boundary', async () => {
    const { s, get, t, database, a } = w;
    // Three meetings held this half-year: Bình excused at the first, absent without reason at the other two.
    const now = t.clock.now().getTime();
    await heldMeeting(w, new Date(now - 21 * 24 * HOUR), 'absent_excused', 'Đi công tác Hà Nội');
    await heldMeeting(w, new Date(now - 14 * 24 * HOUR), 'absent_unexcused');
    await heldMeeting(w, new Date(now - 7 * 24 * HOUR), 'absent_unexcused');
    const year = vnYear(t.clock.now());
    const c = complianceSchema.parse((await get(s.commune, `/api/meetings/compliance?year=${year}`)).json());
    expect(c.cells.find((x) => x.cellId === a.residentialCell.id)!.halves[1]).toMatchObject({
      state: 'met',
      held: 3,
    });
    // Next year: the first half passes with no meeting; on 1 July (Hà Nội) the commune hears about it.
    t.clock.set(new Date(`${year + 1}-06-30T16:30:00Z`)); // 23:30 on 30 June in Hà Nội: the half is not over
    expect(await flagMissedHalfYears({ db: database.db, clock: t.clock })).toBe(0);
    t.clock.set(new Date(`${year + 1}-06-30T17:30:00Z`)); // 00:30 on 1 July in Hà Nội
    expect(await flagMissedHalfYears({ db: database.db, clock: t.clock })).toBeGreaterThanOrEqual(1);
    expect(await flagMissedHalfYears({ db: database.db, clock: t.clock })).toBe(0);
    expect((await w.notes('commune', 'half_year_missed')).map((n) => n.params)).toContainEqual(
      expect.objectContaining({ year: year + 1, half: 1, held: 0 }),
    );
    const next = complianceSchema.parse(
      (await get(s.commune, `/api/meetings/compliance?year=${year + 1}`)).json(),
    );
    expect(next.cells.find((x) => x.cellId === a.residentialCell.id)!.halves.map((h) => h.state)).toEqual([
      'missed',
      'open',
    ]);
  });
});

describe('attachments to the minutes', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001' +
      '0d0a2db40000000049454e44ae426082',
    'hex',
  );
  const upload = (who: Session, id: string, fileName: string, bytes: Buffer) => {
    const boundary = '----rltest';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return w.t.app.inject({
      method: 'POST',
      url: `/api/meetings/${id}/attachments`,
      headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  };

  it('accepts photos by content, refuses other types, and lets invitees download', async () => {
    const { s, get } = w;
    const start = new Date(w.t.clock.now().getTime() - 3 * HOUR);
    const m = await w.schedule(start, 'Họp có ảnh', 'record');
    const res = await upload(s.secretary, m.id, 'anh-buoi-hop.png', PNG);
    expect(res.statusCode, res.body).toBe(200);
    const att = meetingDetailSchema.parse(res.json()).attachments;
    expect(att).toEqual([
      expect.objectContaining({
        fileName: 'anh-buoi-hop.png',
        mimeType: 'image/png',
        sizeBytes: PNG.length,
        uploadedBy: expect.any(String),
      }),
    ]);
    // A script renamed to .png is still refused: the content decides.
    expect(
      (await upload(s.secretary, m.id, 'virus.png', Buffer.from('MZ\x90\x00 not an image'))).statusCode,
    ).toBe(422);
    expect((await upload(s.an, m.id, 'anh.png', PNG)).statusCode).toBe(403);
    const dl = await get(s.an, `/api/meetings/${m.id}/attachments/${att[0]!.id}`);
    expect(dl.statusCode).toBe(200);
    expect(Buffer.compare(dl.rawPayload, PNG)).toBe(0);
    expect((await get(s.otherCell, `/api/meetings/${m.id}/attachments/${att[0]!.id}`)).statusCode).toBe(404);
  });
});
