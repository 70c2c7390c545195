import { expect } from 'vitest';
import { meetingDetailSchema } from '../../../shared/contracts/meetings';
import type { AttendanceStatus } from '../../../shared/rules/residence-rules';
import { newMember } from '../../../../tests/fixtures/factories';
import { newMeeting } from '../../../../tests/fixtures/domain-factories';
import type { Session } from '../../../../tests/fixtures/app';
import { cellLifeWorld } from '../cell-life/cell-life.fixture';

/**
 * A fresh world for one meeting test (its own database, app and clock): the cell-life world (An and Bình working
 * in the workplace cell, placed in the residential cell) plus Miễn, exempt, placed there too, and Hưu, a retired
 * member of the residential cell itself. Each test builds the meetings it needs with the helpers below, so no
 * test leans on another having run.
 */
export const HOUR = 3600_000;

export type MeetingWorld = Awaited<ReturnType<typeof meetingWorld>>;

export async function meetingWorld() {
  const w = await cellLifeWorld({ trees: ['M', 'N'], cards: '61' });
  const db = w.database.db;
  const mien = await newMember(db, {
    fullName: 'Lê Văn Miễn',
    cardNumber: '61000003',
    cellId: w.a.workplaceCell.id,
    category: 'exempt',
    categoryReason: 'Đi học dài hạn',
    exemptFrom: '2026-01-01',
    ...w.placed,
  });
  // A retired member of the residential cell itself is not a working member: not invited to these meetings.
  const retired = await newMember(db, {
    fullName: 'Hồ Văn Hưu',
    cardNumber: '61000004',
    cellId: w.a.residentialCell.id,
    ...w.placed,
  });
  const put = (who: Session, url: string, payload: object) =>
    w.t.app.inject({ method: 'PUT', url, headers: who.headers, payload });

  /** The cell's secretary enters a meeting of two hours (ahead, or afterwards as held). */
  async function schedule(
    startsAt: Date,
    title = 'Sinh hoạt định kỳ',
    entry: 'schedule' | 'record' = 'schedule',
  ) {
    const res = await w.post(w.s.secretary, '/api/meetings', {
      cellId: w.a.residentialCell.id,
      entry,
      title,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      place: 'Nhà văn hóa khối 1',
      topics: [{ title: 'Làm đường ngõ 7' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return meetingDetailSchema.parse(res.json());
  }

  return { ...w, mien, retired, put, schedule };
}

/** A meeting scheduled five days ahead, as the secretary enters it. */
export async function upcomingMeeting(w: MeetingWorld) {
  const start = new Date(w.t.clock.now().getTime() + 5 * 24 * HOUR);
  const m = await w.schedule(start);
  return { id: m.id, start };
}

/** The same meeting, the clock at one day minus one hour before it (both reminders due by then). */
export async function meetingTomorrow(w: MeetingWorld) {
  const meeting = await upcomingMeeting(w);
  w.t.clock.set(new Date(meeting.start.getTime() - 24 * HOUR + HOUR));
  return meeting;
}

/** The meeting under way: Bình said beforehand he cannot come (with a reason), An scanned the QR on arrival. */
export async function meetingUnderWay(w: MeetingWorld) {
  const meeting = await meetingTomorrow(w);
  const rsvp = await w.post(w.s.binh, `/api/meetings/${meeting.id}/rsvp`, {
    rsvp: 'not_attending',
    reason: 'Đi công tác Hà Nội',
  });
  expect(rsvp.statusCode, rsvp.body).toBe(200);
  const code = new URL(
    meetingDetailSchema.parse((await w.get(w.s.secretary, `/api/meetings/${meeting.id}`)).json()).checkInUrl!,
  ).searchParams.get('code')!;
  w.t.clock.set(new Date(meeting.start.getTime() + 5 * 60_000));
  const checkIn = await w.post(w.s.an, `/api/meetings/${meeting.id}/check-in`, { code });
  expect(checkIn.statusCode, checkIn.body).toBe(200);
  return meeting;
}

/** A meeting of the cell already held, as the hold leaves it: An present, Miễn pre-excused, Bình as given. */
export function heldMeeting(w: MeetingWorld, startsAt: Date, binh: AttendanceStatus, reason?: string) {
  return newMeeting(w.database.db, {
    cellId: w.a.residentialCell.id,
    title: 'Sinh hoạt định kỳ',
    startsAt,
    attendance: [
      { memberId: w.an.id, status: 'present' },
      { memberId: w.binh.id, status: binh, reason },
      { memberId: w.mien.id, status: 'excused_exempt' },
    ],
  });
}
