/**
 * What the attendance register of a residence-cell meeting says (Regulation 213, Art. 4.3), from the
 * meeting's data: the header names, the meeting's particulars, one row per invited member, the totals and
 * the signature. Pure; attendance-register-pdf.ts lays it out.
 */
import { VN_TIME_ZONE } from '../../../shared/rules/vietnam-calendar';
import type { FontStyle } from '../../documents/fonts';
import { NATION, upperVi as upper } from '../../documents/party-text';

export interface AttendanceRegisterData {
  communeName: string | null; // e.g. "Đảng bộ phường Thành Vinh"
  cellName: string; // "Chi bộ khối 5"
  meeting: {
    title: string;
    kind: 'regular' | 'extraordinary';
    startsAt: string /* ISO datetime */;
    endsAt: string;
    place: string;
    agenda: string | null;
  };
  rows: {
    fullName: string;
    workplace: string | null;
    rsvp: 'attending' | 'not_attending' | null;
    rsvpReason: string | null;
    status: 'present' | 'late' | 'absent_excused' | 'absent_unexcused' | 'excused_exempt' | 'unrecorded';
    reason: string | null;
    method: 'secretary' | 'self_qr' | null;
    /** the self check-in was made offline and sent later (decision 0010) */
    checkedInOffline?: boolean;
  }[];
  secretaryName: string | null;
  printedAt: string; // ISO datetime
}

type Row = AttendanceRegisterData['rows'][number];
type Status = Row['status'];

export interface RegisterCell {
  text: string;
  font?: FontStyle;
}

export interface RegisterText {
  meta: { title: string; author: string; subject: string };
  /** the header's left column: the commune (if known), the cell (bold), "*" */
  left: { text: string; bold?: boolean }[];
  nation: string;
  title: string;
  subtitle: string;
  particulars: { label: string; value: string }[];
  columns: string[];
  rows: RegisterCell[][];
  /** printed across the table when nobody was invited */
  empty: string;
  totals: { label: string; line: string };
  rate: string;
  /** "In lúc 09:05 ngày 16/03/2025" */
  printed: string | null;
  sign: { titles: string[]; name: string | null };
}

const KIND: Record<AttendanceRegisterData['meeting']['kind'], string> = {
  regular: 'Sinh hoạt định kỳ',
  extraordinary: 'Sinh hoạt bất thường',
};

const STATUS: Record<Status, string> = {
  present: 'Có mặt',
  late: 'Đến muộn',
  absent_excused: 'Vắng có lý do',
  absent_unexcused: 'Vắng không lý do',
  excused_exempt: 'Miễn (diện miễn)',
  unrecorded: 'Chưa ghi',
};

interface LocalTime {
  date: string; // dd/mm/yyyy
  time: string; // HH:mm
}

/** An ISO timestamp as the date and time on a wall clock in Vietnam, whatever the server's zone. */
function local(iso: string): LocalTime | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: VN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('day')}/${get('month')}/${get('year')}`, time: `${get('hour')}:${get('minute')}` };
}

/** "19:30 – 21:30, ngày 15/03/2025", or both dates when the meeting runs past midnight. */
function timeLine(startsAt: string, endsAt: string): string {
  const start = local(startsAt);
  const end = local(endsAt);
  if (!start) return startsAt;
  if (!end) return `${start.time}, ngày ${start.date}`;
  if (end.date === start.date) return `${start.time} – ${end.time}, ngày ${start.date}`;
  return `${start.time} ngày ${start.date} – ${end.time} ngày ${end.date}`;
}

function rsvpText(row: Row): string {
  if (row.rsvp === 'attending') return 'Sẽ dự';
  if (row.rsvp === 'not_attending') {
    const reason = row.rsvpReason?.trim();
    return reason ? `Vắng: ${reason}` : 'Vắng';
  }
  return 'Chưa trả lời';
}

function noteText(row: Row): string {
  const selfCheckIn = row.checkedInOffline ? '(tự điểm danh QR khi mất mạng)' : '(tự điểm danh QR)';
  const notes = [row.reason?.trim() || null, row.method === 'self_qr' ? selfCheckIn : null];
  return notes.filter((n): n is string => n !== null).join('\n');
}

interface Totals {
  invited: number;
  present: number;
  late: number;
  excused: number;
  unexcused: number;
  exempt: number;
  unrecorded: number;
}

function totals(rows: Row[]): Totals {
  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  return {
    invited: rows.length,
    present: count('present'),
    late: count('late'),
    excused: count('absent_excused'),
    unexcused: count('absent_unexcused'),
    exempt: count('excused_exempt'),
    unrecorded: count('unrecorded'),
  };
}

function totalsLine(t: Totals): string {
  const parts = [
    `Được mời: ${t.invited}`,
    `Có mặt: ${t.present}`,
    `Đến muộn: ${t.late}`,
    `Vắng có lý do: ${t.excused}`,
    `Vắng không lý do: ${t.unexcused}`,
    `Miễn: ${t.exempt}`,
    ...(t.unrecorded > 0 ? [`Chưa ghi: ${t.unrecorded}`] : []),
  ];
  // Non-breaking spaces inside each item, so a wrapped line breaks only between items.
  return parts.map((p) => p.replace(/ /g, '\u00a0')).join(' · ');
}

/**
 * Members who attended (on time or late) against those expected to attend. Members exempt from
 * residence activity (Guide 33) are invited as a courtesy but not expected, so they are left out
 * of the denominator; otherwise a cell with many exempt members would look negligent.
 */
function rateLine(t: Totals): string {
  const attended = t.present + t.late;
  const expected = t.invited - t.exempt;
  if (expected <= 0) return 'Tỷ lệ dự: — (không có đảng viên phải dự)';
  const percent = ((attended * 100) / expected).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  const exemptNote = t.exempt > 0 ? ` (không tính ${t.exempt} đồng chí diện miễn)` : '';
  return `Tỷ lệ dự: ${attended}/${expected} đồng chí phải dự${exemptNote} = ${percent}%`;
}

function rowCells(row: Row, index: number): RegisterCell[] {
  return [
    { text: String(index + 1) },
    { text: row.fullName, font: 'bold' },
    { text: row.workplace?.trim() || '' },
    { text: rsvpText(row), font: row.rsvp === null ? 'italic' : undefined },
    // Unexcused absence is what the workplace is told about; it should stand out on paper too.
    { text: STATUS[row.status], font: row.status === 'absent_unexcused' ? 'bold' : undefined },
    { text: noteText(row) },
  ];
}

export function registerText(data: AttendanceRegisterData): RegisterText {
  const m = data.meeting;
  const printed = local(data.printedAt);
  const sums = totals(data.rows);
  return {
    meta: {
      title: `Sổ điểm danh — ${m.title}`,
      author: data.cellName,
      subject: 'Danh sách đảng viên đang công tác dự sinh hoạt chi bộ nơi cư trú (Quy định 213-QĐ/TW)',
    },
    left: [
      ...(data.communeName?.trim() ? [{ text: upper(data.communeName.trim()) }] : []),
      { text: upper(data.cellName), bold: true },
      { text: '*' },
    ],
    nation: NATION,
    title: 'SỔ ĐIỂM DANH',
    subtitle: 'DANH SÁCH ĐẢNG VIÊN ĐANG CÔNG TÁC DỰ SINH HOẠT',
    particulars: [
      { label: 'Buổi sinh hoạt', value: `${m.title} (${KIND[m.kind]})` },
      { label: 'Thời gian', value: timeLine(m.startsAt, m.endsAt) },
      { label: 'Địa điểm', value: m.place },
      ...(m.agenda?.trim() ? [{ label: 'Nội dung', value: m.agenda.trim() }] : []),
    ],
    columns: ['STT', 'Họ và tên', 'Nơi công tác', 'Trả lời mời', 'Điểm danh', 'Lý do / ghi chú'],
    rows: data.rows.map(rowCells),
    empty: 'Chưa có đảng viên trong danh sách mời.',
    totals: { label: 'Tổng hợp: ', line: totalsLine(sums) },
    rate: rateLine(sums),
    printed: printed ? `In lúc ${printed.time} ngày ${printed.date}` : null,
    sign: { titles: ['T/M CHI BỘ', 'BÍ THƯ'], name: data.secretaryName?.trim() || null },
  };
}
