/**
 * The printable attendance register of one residence-cell meeting (Regulation 213, Art. 4.3:
 * the cell meets its working members at least every six months).
 *
 * The field complaint it answers: attendance recorded as "13 of 77" with no names, so nobody can
 * tell who was excused and who simply stayed away. The register lists every invited member with
 * the answer they gave to the invitation, how they were recorded on the day and why, and closes
 * with the totals and the cell secretary's signature, so the sheet can be filed with the minutes.
 *
 * Layout: Party administrative style header (cell left, "ĐẢNG CỘNG SẢN VIỆT NAM" right), centred
 * title, the meeting's particulars, then a ruled table whose header row repeats on every page.
 */
import {
  contentBox,
  dotFill,
  ensureSpace,
  renderPdf,
  runsAt,
  textAt,
  textHeight,
  topPageNumber,
  type Pdf,
  type TextStyle,
} from '../../documents/pdf';

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

// ---------------------------------------------------------------------------------------------
// Wording
// ---------------------------------------------------------------------------------------------

const TZ = 'Asia/Ho_Chi_Minh';

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

const upper = (s: string): string => s.toLocaleUpperCase('vi-VN');

interface LocalTime {
  date: string; // dd/mm/yyyy
  time: string; // HH:mm
}

/** An ISO timestamp as the date and time on a wall clock in Vietnam, whatever the server's zone. */
function local(iso: string): LocalTime | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
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
  const notes = [row.reason?.trim() || null, row.method === 'self_qr' ? (row.checkedInOffline ? '(tự điểm danh QR khi mất mạng)' : '(tự điểm danh QR)') : null];
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

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

const PT = { header: 11.5, nation: 12.5, title: 14, subtitle: 12, body: 11.5, table: 9, small: 9 };
const body: TextStyle = { size: PT.body, lineGap: 1 };
const cellStyle: TextStyle = { size: PT.table, lineGap: 0.5 };
const headStyle: TextStyle = { size: PT.table, font: 'bold', align: 'center', lineGap: 0.5 };
const PAD = { x: 3, y: 3 };
const SIGN_SPACE = 56; // room for the signature and the seal

interface Column {
  title: string;
  /** Share of the content width. */
  share: number;
  align?: 'left' | 'center';
}

const COLUMNS: Column[] = [
  { title: 'STT', share: 0.05, align: 'center' },
  { title: 'Họ và tên', share: 0.21 },
  { title: 'Nơi công tác', share: 0.185 },
  { title: 'Trả lời mời', share: 0.17 },
  // Wide enough for "Vắng không lý do" in bold on one line at 9 pt.
  { title: 'Điểm danh', share: 0.185 },
  { title: 'Lý do / ghi chú', share: 0.2 },
];

interface CellText {
  text: string;
  font?: TextStyle['font'];
}

export function renderAttendanceRegisterPdf(data: AttendanceRegisterData): Promise<Buffer> {
  const setup = {
    title: `Sổ điểm danh — ${data.meeting.title}`,
    author: data.cellName,
    subject: 'Danh sách đảng viên đang công tác dự sinh hoạt chi bộ nơi cư trú (Quy định 213-QĐ/TW)',
  };
  return renderPdf(setup, (doc) => {
    doc.addPage();
    drawHeader(doc, data);
    drawTitle(doc);
    drawMeeting(doc, data.meeting);
    const sums = totals(data.rows);
    // The last row goes over with the totals and the signature rather than leaving them on a
    // page of their own: a signature page with no names on it could be swapped.
    drawTable(doc, data.rows, totalsHeight(doc, sums) + signatureHeight(doc));
    drawTotals(doc, sums);
    drawSignature(doc, data);
    // Continuation pages carry a number in the top margin, Party style.
    const { start, count } = doc.bufferedPageRange();
    for (let i = start + 1; i < start + count; i++) {
      doc.switchToPage(i);
      topPageNumber(doc, i - start + 1);
    }
  });
}

/** Commune and cell on the left, the Party's name on the right. */
function drawHeader(doc: Pdf, data: AttendanceRegisterData): void {
  const box = contentBox(doc);
  const leftW = box.width * 0.45;
  const rightX = box.left + leftW + box.width * 0.03;
  const rightW = box.right - rightX;
  const centred: TextStyle = { size: PT.header, align: 'center' };

  let y = box.top;
  if (data.communeName?.trim()) y = textAt(doc, upper(data.communeName.trim()), box.left, y, leftW, centred);
  y = textAt(doc, upper(data.cellName), box.left, y, leftW, { ...centred, font: 'bold' });
  y = textAt(doc, '*', box.left, y, leftW, centred);

  const ry = textAt(doc, 'ĐẢNG CỘNG SẢN VIỆT NAM', rightX, box.top, rightW, {
    size: PT.nation,
    font: 'bold',
    align: 'center',
    underline: true,
  });
  doc.y = Math.max(y, ry) + 14;
}

function drawTitle(doc: Pdf): void {
  const box = contentBox(doc);
  let y = textAt(doc, 'SỔ ĐIỂM DANH', box.left, doc.y, box.width, {
    size: PT.title,
    font: 'bold',
    align: 'center',
  });
  y = textAt(doc, 'DANH SÁCH ĐẢNG VIÊN ĐANG CÔNG TÁC DỰ SINH HOẠT', box.left, y + 2, box.width, {
    size: PT.subtitle,
    font: 'bold',
    align: 'center',
  });
  doc.y = y + 12;
}

function drawMeeting(doc: Pdf, m: AttendanceRegisterData['meeting']): void {
  const box = contentBox(doc);
  const fields: [string, string][] = [
    ['Buổi sinh hoạt', `${m.title} (${KIND[m.kind]})`],
    ['Thời gian', timeLine(m.startsAt, m.endsAt)],
    ['Địa điểm', m.place],
    ...(m.agenda?.trim() ? [['Nội dung', m.agenda.trim()] as [string, string]] : []),
  ];
  let y = doc.y;
  for (const [label, value] of fields) {
    y =
      runsAt(doc, [{ text: `${label}: `, font: 'bold' }, { text: value }], box.left, y, box.width, body) + 1;
  }
  doc.y = y + 8;
}

function columnGeometry(doc: Pdf): { x: number; width: number }[] {
  const box = contentBox(doc);
  let x = box.left;
  return COLUMNS.map((c, i) => {
    // The last column takes what rounding left, so the table meets the right margin exactly.
    const width = i === COLUMNS.length - 1 ? box.right - x : box.width * c.share;
    const col = { x, width };
    x += width;
    return col;
  });
}

function rowHeight(doc: Pdf, cells: CellText[], style: TextStyle): number {
  const cols = columnGeometry(doc);
  const heights = cells.map((c, i) =>
    textHeight(doc, c.text || ' ', cols[i]!.width - 2 * PAD.x, { ...style, font: c.font ?? style.font }),
  );
  return Math.max(...heights) + 2 * PAD.y;
}

/** One ruled row at doc.y; returns nothing but leaves doc.y below it. */
function drawRow(doc: Pdf, cells: CellText[], style: TextStyle, shade: string | null): void {
  const cols = columnGeometry(doc);
  const height = rowHeight(doc, cells, style);
  const top = doc.y;
  if (shade) {
    const box = contentBox(doc);
    doc.save().rect(box.left, top, box.width, height).fill(shade).restore();
    doc.fillColor('black');
  }
  cells.forEach((c, i) => {
    const col = cols[i]!;
    const align = style.align ?? COLUMNS[i]!.align ?? 'left';
    textAt(doc, c.text, col.x + PAD.x, top + PAD.y, col.width - 2 * PAD.x, {
      ...style,
      align,
      font: c.font ?? style.font,
    });
  });
  doc.save().lineWidth(0.6);
  for (const col of cols) doc.rect(col.x, top, col.width, height).stroke();
  doc.restore();
  doc.y = top + height;
}

const headerCells = (): CellText[] => COLUMNS.map((c) => ({ text: c.title }));

function drawTableHeader(doc: Pdf): void {
  drawRow(doc, headerCells(), headStyle, '#e6e6e6');
}

function rowCells(row: Row, index: number): CellText[] {
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

/**
 * The table, its header row repeated at the top of every page it runs onto; `tail` is the height
 * that must fit below the last row.
 */
function drawTable(doc: Pdf, rows: Row[], tail: number): void {
  const headerH = rowHeight(doc, headerCells(), headStyle);
  const box = contentBox(doc);
  // Never leave the header alone at the foot of a page.
  const firstH = rows.length > 0 ? rowHeight(doc, rowCells(rows[0]!, 0), cellStyle) : 20;
  ensureSpace(doc, headerH + firstH);
  drawTableHeader(doc);

  if (rows.length === 0) {
    const h = textHeight(doc, 'X', box.width, cellStyle) + 2 * PAD.y + 6;
    const top = doc.y;
    textAt(doc, 'Chưa có đảng viên trong danh sách mời.', box.left, top + PAD.y + 3, box.width, {
      ...cellStyle,
      font: 'italic',
      align: 'center',
    });
    doc.save().lineWidth(0.6).rect(box.left, top, box.width, h).stroke().restore();
    doc.y = top + h;
    return;
  }

  rows.forEach((row, i) => {
    const cells = rowCells(row, i);
    const h = rowHeight(doc, cells, cellStyle);
    const keep = i === rows.length - 1 ? tail : 0;
    if (doc.y + h + keep > contentBox(doc).bottom) {
      doc.addPage();
      // Leave room for the page number stamped in the top margin afterwards.
      doc.y = contentBox(doc).top;
      drawTableHeader(doc);
    }
    drawRow(doc, cells, cellStyle, null);
  });
}

const totalsStyle: TextStyle = { ...body, size: PT.body - 0.5 };
const TOTALS_LABEL = 'Tổng hợp: ';
const GAP = { beforeTotals: 10, afterTotals: 12 };

function totalsHeight(doc: Pdf, t: Totals): number {
  const { width } = contentBox(doc);
  const first = textHeight(doc, TOTALS_LABEL + totalsLine(t), width, { ...totalsStyle, font: 'bold' });
  return GAP.beforeTotals + first + 2 + textHeight(doc, rateLine(t), width, totalsStyle) + GAP.afterTotals;
}

function drawTotals(doc: Pdf, t: Totals): void {
  const box = contentBox(doc);
  doc.y += GAP.beforeTotals;
  ensureSpace(doc, totalsHeight(doc, t) - GAP.beforeTotals);
  const runs = [{ text: TOTALS_LABEL, font: 'bold' as const }, { text: totalsLine(t) }];
  let y = runsAt(doc, runs, box.left, doc.y, box.width, totalsStyle);
  y = textAt(doc, rateLine(t), box.left, y + 2, box.width, totalsStyle);
  doc.y = y + GAP.afterTotals;
}

const sign: TextStyle = { size: PT.body + 0.5, font: 'bold', align: 'center' };

function signatureHeight(doc: Pdf): number {
  return textHeight(doc, 'X', contentBox(doc).width / 2, sign) * 3 + SIGN_SPACE + 4;
}

/** Print stamp on the left; "T/M CHI BỘ / BÍ THƯ", room to sign, and the name on the right. */
function drawSignature(doc: Pdf, data: AttendanceRegisterData): void {
  const box = contentBox(doc);
  const leftW = box.width * 0.5;
  const rightX = box.left + leftW;
  const rightW = box.width - leftW;
  ensureSpace(doc, signatureHeight(doc));
  const top = doc.y;

  const printed = local(data.printedAt);
  if (printed) {
    textAt(doc, `In lúc ${printed.time} ngày ${printed.date}`, box.left, top, leftW, {
      size: PT.small,
      font: 'italic',
    });
  }

  let ry = textAt(doc, 'T/M CHI BỘ', rightX, top, rightW, sign);
  ry = textAt(doc, 'BÍ THƯ', rightX, ry, rightW, sign);
  ry += SIGN_SPACE;
  const name = data.secretaryName?.trim();
  ry = name
    ? textAt(doc, name, rightX, ry, rightW, sign)
    : textAt(doc, dotFill(doc, '', rightW * 0.6, body), rightX, ry, rightW, { ...body, align: 'center' });
  doc.y = ry;
}
