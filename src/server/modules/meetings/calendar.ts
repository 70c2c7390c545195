/**
 * A member's meetings as an iCalendar feed, so the residence cell's meetings land in the phone
 * calendar next to the workplace ones, with a reminder the day before.
 *
 * Times are written as wall-clock times in Asia/Ho_Chi_Minh (DTSTART;TZID=…), with a VTIMEZONE
 * block so strict clients need no IANA lookup. Vietnam has kept UTC+7 without daylight saving
 * since 1975, so one STANDARD component is the whole zone for any meeting this product records.
 *
 * Why not `calendar.timezone(...)` in ical-generator: with a calendar-level zone the library also
 * writes DTSTAMP in local time without the "Z", which RFC 5545 forbids, and with native Dates it
 * takes the wall-clock time from the server's own zone. So the zone is set per event, the dates
 * are given as dayjs objects already in Asia/Ho_Chi_Minh, and the VTIMEZONE is added here.
 */
import dayjs from 'dayjs';
import timezonePlugin from 'dayjs/plugin/timezone.js';
import utcPlugin from 'dayjs/plugin/utc.js';
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import {
  cancelledMeetingStatus,
  openMeetingStatuses,
  type MeetingStatus,
} from '../../../shared/rules/meeting';
import { VN_TIME_ZONE } from '../../../shared/rules/vietnam-calendar';

dayjs.extend(utcPlugin);
dayjs.extend(timezonePlugin);

export interface CalendarMeeting {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  cellName: string;
  agenda: string | null;
  status: MeetingStatus;
  url: string;
}

const TZ = VN_TIME_ZONE;
const DAY_SECONDS = 24 * 60 * 60;

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZ}`,
  `X-LIC-LOCATION:${TZ}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:+07',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const statuses: Record<CalendarMeeting['status'], ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

function description(m: CalendarMeeting): string {
  const parts = [
    m.status === cancelledMeetingStatus ? 'Buổi sinh hoạt đã bị hủy.' : null,
    m.agenda?.trim() ? `Nội dung: ${m.agenda.trim()}` : null,
    `Chi tiết: ${m.url}`,
  ];
  return parts.filter((p): p is string => p !== null).join('\n\n');
}

/** The member's meetings as iCalendar text (RFC 5545), one VEVENT per meeting. */
export function buildMemberCalendar(name: string, meetings: CalendarMeeting[]): string {
  const calendar = ical({
    name: `Residence Link — ${name}`,
    description: 'Lịch sinh hoạt chi bộ nơi cư trú',
    prodId: { company: 'Residence Link', product: 'meetings', language: 'VI' },
    // Subscribed calendars poll; a few hours keeps cancellations reasonably fresh.
    ttl: 6 * 60 * 60,
    x: [['X-WR-TIMEZONE', TZ]],
  });

  for (const m of meetings) {
    const event = calendar.createEvent({
      id: `${m.id}@residence-link`,
      start: dayjs(m.startsAt).tz(TZ),
      end: dayjs(m.endsAt).tz(TZ),
      timezone: TZ,
      summary: `${m.title} — ${m.cellName}`,
      location: m.place,
      description: description(m),
      url: m.url,
      status: statuses[m.status],
    });
    // a reminder only for a meeting still ahead
    if (openMeetingStatuses.includes(m.status)) {
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: DAY_SECONDS, // seconds before the start → TRIGGER:-P1D
        description: `Ngày mai: ${m.title} — ${m.place}`,
      });
    }
  }

  // ical-generator leaves the last line unterminated; RFC 5545 ends every content line with CRLF.
  const text = `${calendar.toString()}\r\n`;
  if (meetings.length === 0) return text;
  // The VTIMEZONE goes before the first component that refers to it.
  const at = text.indexOf('BEGIN:VEVENT');
  return `${text.slice(0, at)}${VTIMEZONE}\r\n${text.slice(at)}`;
}
