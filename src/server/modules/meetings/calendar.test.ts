import { describe, expect, it } from 'vitest';
import { buildMemberCalendar, type CalendarMeeting } from './calendar';

function meeting(overrides: Partial<CalendarMeeting> = {}): CalendarMeeting {
  return {
    id: '7b1f0c2e-0000-4000-8000-000000000001',
    title: 'Sinh hoạt định kỳ 6 tháng đầu năm',
    // 19:30 in Vinh (UTC+7)
    startsAt: new Date('2025-03-15T12:30:00Z'),
    endsAt: new Date('2025-03-15T14:30:00Z'),
    place: 'Nhà văn hóa khối 5, phường Thành Vinh',
    cellName: 'Chi bộ khối 5',
    agenda: 'Thông báo tình hình địa phương; lấy ý kiến về chỉnh trang đô thị',
    status: 'scheduled',
    url: 'https://residence.example/meetings/7b1f0c2e',
    ...overrides,
  };
}

/** Content lines with RFC 5545 folding undone (CRLF followed by one space continues a line). */
const unfold = (ics: string): string[] => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

/** The VEVENT blocks, each as its unfolded lines. */
function events(ics: string): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = null;
    } else current?.push(line);
  }
  return out;
}

const prop = (lines: string[], name: string): string | undefined =>
  lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('member calendar (iCalendar)', () => {
  const cancelled = meeting({
    id: '7b1f0c2e-0000-4000-8000-000000000002',
    title: 'Họp bất thường',
    startsAt: new Date('2025-04-01T01:00:00Z'),
    endsAt: new Date('2025-04-01T02:00:00Z'),
    agenda: null,
    status: 'cancelled',
  });
  const held = meeting({ id: '7b1f0c2e-0000-4000-8000-000000000003', status: 'held' });
  const ics = buildMemberCalendar('Nguyễn Văn An', [meeting(), cancelled, held]);
  const [first, second, third] = events(ics);

  it('is a VCALENDAR named after the member, in the Vietnam time zone', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = unfold(ics);
    expect(lines).toContain('X-WR-CALNAME:Residence Link — Nguyễn Văn An');
    expect(lines).toContain('X-WR-TIMEZONE:Asia/Ho_Chi_Minh');
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Asia/Ho_Chi_Minh');
    expect(lines).toContain('TZOFFSETTO:+0700');
    // The zone is declared before the events that use it.
    expect(ics.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
    expect(events(ics)).toHaveLength(3);
  });

  it('gives each meeting a stable UID, summary with the cell, location and description', () => {
    expect(prop(first!, 'UID')).toBe('UID:7b1f0c2e-0000-4000-8000-000000000001@residence-link');
    expect(prop(first!, 'SUMMARY')).toBe('SUMMARY:Sinh hoạt định kỳ 6 tháng đầu năm — Chi bộ khối 5');
    expect(prop(first!, 'LOCATION')).toBe('LOCATION:Nhà văn hóa khối 5\\, phường Thành Vinh');
    const description = prop(first!, 'DESCRIPTION')!;
    expect(description).toContain('Thông báo tình hình địa phương\\; lấy ý kiến');
    expect(description).toContain('https://residence.example/meetings/7b1f0c2e');
    // Building twice gives the same UIDs, so a re-subscribed feed updates rather than duplicates.
    const again = events(buildMemberCalendar('Nguyễn Văn An', [meeting()]));
    expect(prop(again[0]!, 'UID')).toBe(prop(first!, 'UID'));
  });

  it('writes start and end as Vietnam wall-clock times whatever the server zone', () => {
    expect(prop(first!, 'DTSTART')).toBe('DTSTART;TZID=Asia/Ho_Chi_Minh:20250315T193000');
    expect(prop(first!, 'DTEND')).toBe('DTEND;TZID=Asia/Ho_Chi_Minh:20250315T213000');
    // 01:00 UTC is 08:00 the same day in Vietnam.
    expect(prop(second!, 'DTSTART')).toBe('DTSTART;TZID=Asia/Ho_Chi_Minh:20250401T080000');
    // DTSTAMP must be UTC (RFC 5545 §3.8.7.2).
    expect(prop(first!, 'DTSTAMP')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
  });

  it('marks cancelled meetings and reminds a day before scheduled ones only', () => {
    expect(prop(second!, 'STATUS')).toBe('STATUS:CANCELLED');
    expect(prop(first!, 'STATUS')).toBe('STATUS:CONFIRMED');
    expect(first).toContain('BEGIN:VALARM');
    expect(first).toContain('TRIGGER:-P1D');
    expect(second).not.toContain('BEGIN:VALARM');
    expect(third).not.toContain('BEGIN:VALARM');
  });

  it('renders an empty calendar for a member with no meetings', () => {
    const empty = buildMemberCalendar('Lê Thị Hường', []);
    expect(empty).toContain('BEGIN:VCALENDAR');
    expect(empty).toContain('END:VCALENDAR');
    expect(empty).not.toContain('BEGIN:VEVENT');
  });
});
