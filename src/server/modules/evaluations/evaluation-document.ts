/**
 * The evaluation form (phiếu nhận xét, Regulation 213-QĐ/TW Art. 4.4–4.5, Guide 33) as PDF and DOCX.
 *
 * As with the introduction letter, the wording is built once by `formText` and laid out twice, so the
 * printed PDF and the editable DOCX say the same. Layout: cell header on the left ("ĐẢNG BỘ PHƯỜNG …" /
 * "CHI BỘ …"), "ĐẢNG CỘNG SẢN VIỆT NAM" and the date on the right, the title of the rule set's form,
 * the joint meeting with the Front working committee, the member, every criterion with all its levels
 * and the chosen one ticked, other comments, the Front head's and the secretary's signatures, and the
 * commune committee's confirmation with the QR code of the confirmed form.
 *
 * Noto Serif has no ballot-box glyphs (☐ ☒), so the PDF draws the boxes; the DOCX writes the characters
 * in "Segoe UI Symbol", which Word and LibreOffice have or substitute.
 */
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LeaderType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { EvidenceMetric } from '../../../shared/rules/evaluation-rules';
import {
  CONTENT_W,
  DX,
  DX_INDENT,
  borderlessTable,
  cell,
  dottedLine,
  draftMark,
  para,
  partyHeaderTable,
  renderDocx,
  run,
  signBlockParagraphs,
  type Block,
} from '../../documents/docx';
import {
  balancedTitle,
  drawPartyHeader,
  drawSignBlock as drawPartySignBlock,
  signBlockHeight,
  type SignBlock,
  type SignStyle,
} from '../../documents/party-header';
import {
  DRAFT_MARK,
  NATION,
  ON_BEHALF_OF_COMMITTEE,
  longDate,
  signerTitle,
  upperVi as upper,
} from '../../documents/party-text';
import {
  contentBox,
  dotFill,
  ensureSpace,
  pageCount,
  pagesSince,
  renderPdf,
  runsAt,
  textAt,
  textHeight,
  topPageNumber,
  watermark,
  type Pdf,
  type TextStyle,
} from '../../documents/pdf';
import { qrPng } from '../../documents/qr';

export interface EvaluationFormData {
  /** the commune's Party organisation, e.g. "Đảng bộ phường Thành Vinh" (its committee confirms) */
  communeName: string;
  /** the residential cell, e.g. "Chi bộ khối 5"; null → a dotted blank */
  cellName: string | null;
  /** the residential area whose Front working committee took part, e.g. "Khối 5" */
  areaName: string | null;
  /** place for the date line, e.g. "Thành Vinh" */
  place: string;
  /** the rule set's title of the full or exempt form (Vietnamese) */
  title: string;
  year: number;
  /** the purpose of an on-demand comment (Vietnamese label); null for the yearly one */
  purpose: string | null;
  /** the rule set's legal basis (Vietnamese) */
  basis: string;
  /** ISO day of the joint meeting of the cell committee with the Front working committee, and who took part */
  jointMeeting: { on: string | null; participants: string | null };
  member: {
    fullName: string;
    dateOfBirth: string | null;
    workplaceCellName: string | null;
    workplaceCommitteeName: string;
    residenceAddress: string | null;
  };
  /** every criterion of the form, in order, with all its levels (Vietnamese labels) */
  criteria: {
    label: string;
    levels: { key: string; label: string }[];
    chosen: string | null;
    justification: string | null;
  }[];
  otherComments: string | null;
  /** ratings that contradicted the record and were justified (criterion number is 1-based) */
  checks: { criterion: number; label: string; metric: EvidenceMetric; actual: number; noMeetingHeld?: boolean }[];
  cellSigner: { name: string | null };
  frontSigner: { name: string | null; signedOn: string | null };
  /** the document's date (the day the cell signed), ISO */
  signedOn: string | null;
  confirmation: {
    position: 'secretary' | 'deputy_secretary' | null;
    name: string | null;
    confirmedOn: string | null;
  };
  /** set once the commune confirmed (QR → /verify/<code>); null prints the form as a draft ("DỰ THẢO") */
  verification: { code: string; url: string } | null;
}

// ---------------------------------------------------------------------------------------------
// Wording (shared by PDF and DOCX)
// ---------------------------------------------------------------------------------------------

interface Field {
  label: string;
  value: string | null;
}

interface CriterionText {
  number: string;
  label: string;
  levels: { label: string; chosen: boolean }[];
  justification: string | null;
}

interface FormText {
  draft: boolean;
  commune: string;
  cell: string;
  nation: string;
  dateLine: string;
  title: string;
  subtitle: string | null;
  period: string;
  basis: string;
  meeting: string;
  participants: Field;
  lead: string;
  memberName: Field;
  dateOfBirth: Field;
  fields: Field[];
  ratingsLead: string;
  criteria: CriterionText[];
  other: { number: string; label: string; text: string | null };
  checks: { heading: string; lines: string[] } | null;
  front: SignBlock;
  cellSign: SignBlock;
  confirmation: { heading: string; block: SignBlock };
  verification: { code: string; url: string } | null;
}

const BLANK = '……………';
const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);
/** Straight quotes from rule-set data as printed quotes: "đầy đủ" → “đầy đủ”. */
const typographic = (s: string): string => s.replace(/"([^"]*)"/g, '“$1”');
const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);

/** ISO date (or timestamp) → dd/mm/yyyy. */
export function formatDay(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

/** The header names the Party organisation ("Đảng bộ"), whatever the unit is called in the tree ("Đảng ủy"). */
function organisation(name: string): string {
  return name.replace(/^Đảng ủy\s+/iu, 'Đảng bộ ');
}

/** "xã", "phường", "thị trấn" or "đặc khu" from the commune's name, for "XÁC NHẬN CỦA ĐẢNG ỦY PHƯỜNG". */
function communeKind(name: string): string {
  const m = /(?:^|\s)(xã|phường|thị trấn|đặc khu)(?=\s|$)/iu.exec(name);
  return m ? upper(m[1]!) : 'XÃ/PHƯỜNG';
}

/** "Khối 5" → "khối 5", as it reads inside a sentence ("Ban công tác Mặt trận khối 5"). */
function areaInSentence(name: string): string {
  return /^(Khối|Thôn|Tổ dân phố|Tổ|Xóm|Ấp|Bản|Khu phố|Khu|Buôn|Làng|Sóc)\s/u.test(name)
    ? lowerFirst(name)
    : name;
}

const metricPhrase: Record<EvidenceMetric, (n: number) => string> = {
  meetingsHeld: (n) => `${n} buổi sinh hoạt đã tổ chức`,
  meetingsAttended: (n) => `dự ${n} buổi sinh hoạt`,
  attendanceRate: (n) => `tỷ lệ dự sinh hoạt ${n}%`,
  unexcusedAbsences: (n) => `${n} buổi vắng không lý do`,
  confirmedContributions: (n) => `${n} đóng góp được xác nhận`,
  contributionDays: (n) => `${n} ngày công đóng góp`,
  openWarnings: (n) => `${n} nhắc nhở chưa khắc phục`,
  warningsThisYear: (n) => `${n} nhắc nhở trong năm`,
  selfReported: (n) => (n > 0 ? 'đã nộp bản tự báo cáo' : 'chưa nộp bản tự báo cáo'),
};

/** A year with no meeting held has no attendance to count: the paper says so instead of "100 %" or "0 buổi". */
const NO_MEETING_PHRASE = 'chi bộ chưa tổ chức buổi sinh hoạt nào trong năm';
const MEETING_METRICS: readonly EvidenceMetric[] = ['meetingsHeld', 'meetingsAttended', 'attendanceRate'];
function checkPhrase(c: EvaluationFormData['checks'][number]): string {
  return c.noMeetingHeld && MEETING_METRICS.includes(c.metric) ? NO_MEETING_PHRASE : metricPhrase[c.metric](c.actual);
}

function formText(f: EvaluationFormData): FormText {
  const draft = f.verification === null;
  const cell = f.cellName?.trim() || null;
  const cellInSentence = cell ? lowerFirst(cell) : `chi bộ ${BLANK}`;
  const front = f.areaName?.trim()
    ? `Ban công tác Mặt trận ${areaInSentence(f.areaName.trim())}`
    : 'Ban công tác Mặt trận';
  const meetingDay = formatDay(f.jointMeeting.on) ?? '……/……/………';
  const workplace = [f.member.workplaceCellName, f.member.workplaceCommitteeName].filter(Boolean).join(', ');
  const otherNumber = f.criteria.length + 1;
  const title = /^(PHIẾU NHẬN XÉT)\s+(.+)$/u.exec(f.title.trim());
  return {
    draft,
    commune: upper(organisation(f.communeName)),
    cell: cell ? upper(cell) : `CHI BỘ ${BLANK}`,
    nation: NATION,
    dateLine: f.place ? `${f.place}, ${longDate(f.signedOn)}` : capitalise(longDate(f.signedOn)),
    title: title ? title[1]! : f.title.trim(),
    subtitle: title ? title[2]! : null,
    period: f.purpose ? `(Năm ${f.year} – nhận xét phục vụ: ${lowerFirst(f.purpose)})` : `(Năm ${f.year})`,
    basis: `Căn cứ ${f.basis};`,
    meeting:
      `Ngày ${meetingDay}, Chi ủy ${cellInSentence} họp liên tịch với ${front} ` +
      `để nhận xét đảng viên đang công tác giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú.`,
    participants: { label: 'Thành phần tham dự', value: f.jointMeeting.participants?.trim() || null },
    lead: 'Chi ủy chi bộ và Ban công tác Mặt trận thống nhất nhận xét đồng chí:',
    memberName: { label: 'Họ và tên', value: upper(f.member.fullName) },
    dateOfBirth: { label: 'Ngày sinh', value: formatDay(f.member.dateOfBirth) },
    fields: [
      { label: 'Đang sinh hoạt đảng tại', value: workplace || null },
      { label: 'Nơi cư trú', value: f.member.residenceAddress?.trim() || null },
    ],
    ratingsLead: 'Kết quả nhận xét:',
    criteria: f.criteria.map((c, i) => ({
      number: `${i + 1}.`,
      label: `${c.label}:`,
      levels: c.levels.map((l) => ({ label: l.label, chosen: l.key === c.chosen })),
      justification: c.justification?.trim() || null,
    })),
    other: {
      number: `${otherNumber}.`,
      label: 'Ý kiến khác:',
      // A signed form says "none" rather than leaving dotted lines someone could fill in afterwards.
      text: f.otherComments?.trim() || (f.cellSigner.name ? 'Không.' : null),
    },
    checks: f.checks.length
      ? {
          heading: 'Ghi chú đối chiếu số liệu',
          lines: f.checks.map(
            (c) =>
              `– Tiêu chí ${c.criterion}: ${typographic(c.label)} (số liệu theo dõi: ${checkPhrase(c)}); chi ủy đã giải trình.`,
          ),
        }
      : null,
    front: {
      date: f.frontSigner.signedOn ? capitalise(longDate(f.frontSigner.signedOn)) : null,
      titles: ['TRƯỞNG BAN', 'CÔNG TÁC MẶT TRẬN'],
      hint: null,
      name: f.frontSigner.name?.trim() || null,
    },
    cellSign: {
      date: null,
      titles: ['T/M CHI ỦY', 'BÍ THƯ'],
      hint: null,
      name: f.cellSigner.name?.trim() || null,
    },
    confirmation: {
      heading: `XÁC NHẬN CỦA ĐẢNG ỦY ${communeKind(f.communeName)}`,
      block: {
        date: capitalise(longDate(f.confirmation.confirmedOn)),
        titles: [
          ON_BEHALF_OF_COMMITTEE,
          ...(f.confirmation.position ? [signerTitle(f.confirmation.position)] : []),
        ],
        hint: f.confirmation.name?.trim() ? null : '(Ký tên, đóng dấu)',
        name: f.confirmation.name?.trim() || null,
      },
    },
    verification: f.verification,
  };
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

const PT = { header: 11.5, nation: 12.5, title: 14, subtitle: 12.5, body: 11.5, small: 10, tiny: 8 };
const QR_SIZE = 78;
const SIGN_SPACE = 44; // room for a signature (and the commune's seal)
const body: TextStyle = { size: PT.body, lineGap: 0.5 };
const sign: SignStyle = { size: PT.body, lineGap: 0.5, hintSize: PT.small, space: SIGN_SPACE };
const INDENT = 28;

export function renderEvaluationPdf(form: EvaluationFormData): Promise<Buffer> {
  return renderEvaluationsPdf([form]);
}

/** Several forms in one PDF, each starting on a new page (a cell's forms for the year). */
export async function renderEvaluationsPdf(forms: EvaluationFormData[]): Promise<Buffer> {
  if (forms.length === 0) throw new RangeError('renderEvaluationsPdf needs at least one form');
  const qrs = await Promise.all(forms.map((f) => (f.verification ? qrPng(f.verification.url) : null)));
  const first = forms[0]!;
  const setup = {
    title:
      forms.length === 1
        ? `Phiếu nhận xét năm ${first.year} – ${first.member.fullName}`
        : `Phiếu nhận xét năm ${first.year}`,
    author: first.cellName ?? first.communeName,
    subject: 'Phiếu nhận xét đảng viên đang công tác giữ mối liên hệ với nơi cư trú (Quy định 213-QĐ/TW)',
  };
  return renderPdf(setup, (doc) => {
    forms.forEach((form, i) => drawForm(doc, formText(form), qrs[i] ?? null));
  });
}

function drawForm(doc: Pdf, t: FormText, qr: Buffer | null): void {
  const firstPage = pageCount(doc);
  doc.addPage();
  drawHeader(doc, t);
  drawTitle(doc, t);
  drawPreamble(doc, t);
  drawMember(doc, t);
  drawCriteria(doc, t);
  keepTailTogether(doc, t, qr !== null);
  drawOther(doc, t.other);
  drawChecks(doc, t);
  drawSignatures(doc, t);
  drawConfirmation(doc, t, qr);
  // Stamped once the form's length is known: a draft is marked on every page, and continuation pages are numbered.
  pagesSince(doc, firstPage).forEach((page, i) => {
    doc.switchToPage(page);
    if (t.draft) watermark(doc, DRAFT_MARK);
    if (i > 0) topPageNumber(doc, i + 1);
  });
}

function drawHeader(doc: Pdf, t: FormText): void {
  const bottom = drawPartyHeader(doc, {
    left: [{ text: t.commune }, { text: t.cell, bold: true }, { text: '*' }],
    nation: t.nation,
    dateLine: t.dateLine,
    sizes: { header: PT.header, nation: PT.nation },
  });
  doc.y = bottom + 10;
}

function drawTitle(doc: Pdf, t: FormText): void {
  const box = contentBox(doc);
  let y = textAt(doc, t.title, box.left, doc.y, box.width, { size: PT.title, font: 'bold', align: 'center' });
  if (t.subtitle) {
    const style: TextStyle = { size: PT.subtitle, font: 'bold', align: 'center' };
    y = textAt(doc, balancedTitle(doc, t.subtitle, box.width, style), box.left, y + 1, box.width, style);
  }
  y = textAt(doc, t.period, box.left, y + 1, box.width, { size: PT.body, font: 'italic', align: 'center' });
  doc.y = y + 8;
}

function drawPreamble(doc: Pdf, t: FormText): void {
  const box = contentBox(doc);
  const para: TextStyle = { ...body, indent: INDENT, align: 'justify' };
  let y = textAt(doc, t.basis, box.left, doc.y, box.width, { ...para, font: 'italic' });
  y = textAt(doc, t.meeting, box.left, y + 2, box.width, para);
  y = drawField(doc, t.participants, box.left + INDENT, y + 2, box.width - INDENT);
  doc.y = y + 4;
}

function drawMember(doc: Pdf, t: FormText): void {
  const box = contentBox(doc);
  let y = textAt(doc, t.lead, box.left, doc.y, box.width, { ...body, indent: INDENT });
  // name and date of birth share a line, as on the letter
  const nameW = (box.width - INDENT) * 0.62;
  doc.y = y + 1;
  ensureSpace(doc, textHeight(doc, 'X', nameW, body));
  const top = doc.y;
  const left = drawField(doc, t.memberName, box.left + INDENT, top, nameW - 6, 'bold');
  const right = drawField(doc, t.dateOfBirth, box.left + INDENT + nameW, top, box.width - INDENT - nameW);
  y = Math.max(left, right);
  for (const f of t.fields) y = drawField(doc, f, box.left + INDENT, y + 1, box.width - INDENT);
  doc.y = y + 4;
}

/** "Label: value", or the label followed by dots to fill in by hand. */
function drawField(
  doc: Pdf,
  f: Field,
  x: number,
  y: number,
  width: number,
  valueFont?: TextStyle['font'],
): number {
  doc.y = y;
  ensureSpace(doc, textHeight(doc, 'X', width, body));
  const runs = f.value
    ? [{ text: `${f.label}: ` }, { text: f.value, font: valueFont }]
    : [{ text: dotFill(doc, `${f.label}: `, width, body) }];
  return runsAt(doc, runs, x, doc.y, width, body);
}

function drawCriteria(doc: Pdf, t: FormText): void {
  const box = contentBox(doc);
  let y = textAt(doc, t.ratingsLead, box.left, doc.y, box.width, { ...body, font: 'bold' });
  for (const c of t.criteria) y = drawCriterion(doc, c, y + 3);
  doc.y = y + 3;
}

/**
 * Signatures never stand alone on a page: when "other comments", the notes, the signatures and the
 * confirmation do not fit together below the criteria, they move to the next page together (if they fit on one).
 */
function keepTailTogether(doc: Pdf, t: FormText, hasQr: boolean): void {
  const box = contentBox(doc);
  const tail =
    otherHeight(doc, t.other) +
    4 +
    checksHeight(doc, t) +
    signaturesHeight(doc, t) +
    confirmationHeight(doc, t, hasQr);
  if (doc.y + tail > box.bottom && tail < box.bottom - box.top) doc.addPage();
}

const labelW = (box: ReturnType<typeof contentBox>) => box.width - INDENT;

/** The criterion, then its levels side by side, each with a box (ticked for the chosen one). */
function drawCriterion(doc: Pdf, c: CriterionText, y: number): number {
  const box = contentBox(doc);
  const numberW = INDENT;
  const label = textHeight(doc, c.label, labelW(box), body);
  const levels = levelsHeight(doc, c, labelW(box));
  const note = c.justification
    ? textHeight(doc, `Giải trình: ${c.justification}`, labelW(box), { size: PT.small }) + 2
    : 0;
  doc.y = y;
  // keep a criterion with its levels (and a short justification) on one page
  ensureSpace(doc, label + levels + Math.min(note, 60) + 2);
  const top = doc.y;
  textAt(doc, c.number, box.left + 6, top, numberW, { ...body, font: 'bold' });
  let ly = textAt(doc, c.label, box.left + numberW, top, labelW(box), body);
  ly = drawLevels(doc, c, box.left + numberW, ly + 1, labelW(box));
  if (c.justification)
    ly = runsAt(
      doc,
      [
        { text: 'Giải trình: ', font: 'boldItalic' },
        { text: c.justification, font: 'italic' },
      ],
      box.left + numberW,
      ly + 1,
      labelW(box),
      {
        size: PT.small,
      },
    );
  return ly;
}

const BOX = 8.5;
const BOX_GAP = 5;
const levelStyle = (chosen: boolean): TextStyle => ({ ...body, font: chosen ? 'bold' : 'regular' });

/**
 * Where each level goes: even columns, so the boxes line up from one criterion to the next, unless a
 * label would then wrap while all of them fit on the line at their natural widths.
 */
function levelLayout(doc: Pdf, c: CriterionText, width: number): { x: number; w: number }[] {
  const n = Math.max(c.levels.length, 1);
  const natural = c.levels.map((l) => {
    doc.font(levelStyle(l.chosen).font!).fontSize(PT.body);
    return BOX + BOX_GAP + doc.widthOfString(l.label) + 8;
  });
  const even = width / n;
  const total = natural.reduce((a, b) => a + b, 0);
  const widths =
    natural.every((w) => w <= even) || total > width
      ? natural.map(() => even)
      : natural.map((w) => w + (width - total) / n);
  let x = 0;
  return widths.map((w) => {
    const slot = { x, w };
    x += w;
    return slot;
  });
}

function levelsHeight(doc: Pdf, c: CriterionText, width: number): number {
  const slots = levelLayout(doc, c, width);
  return Math.max(
    ...c.levels.map((l, i) =>
      textHeight(doc, l.label, slots[i]!.w - BOX - BOX_GAP - 4, levelStyle(l.chosen)),
    ),
  );
}

function drawLevels(doc: Pdf, c: CriterionText, x: number, y: number, width: number): number {
  const slots = levelLayout(doc, c, width);
  let bottom = y;
  c.levels.forEach((l, i) => {
    const slot = slots[i]!;
    const style = levelStyle(l.chosen);
    doc.font(style.font!).fontSize(style.size);
    // centre the box on the first line of the label
    const boxTop = y + (doc.currentLineHeight() - BOX) / 2 + 0.5;
    drawBox(doc, x + slot.x, boxTop, l.chosen);
    bottom = Math.max(
      bottom,
      textAt(doc, l.label, x + slot.x + BOX + BOX_GAP, y, slot.w - BOX - BOX_GAP - 4, style),
    );
  });
  doc.x = contentBox(doc).left;
  return bottom;
}

/** ☐ or ☒, drawn: the font has no ballot-box glyphs. */
function drawBox(doc: Pdf, x: number, y: number, ticked: boolean): void {
  doc.save().lineWidth(0.8).rect(x, y, BOX, BOX).stroke();
  if (ticked) {
    const p = 1.6;
    doc
      .lineWidth(1.2)
      .moveTo(x + p, y + p)
      .lineTo(x + BOX - p, y + BOX - p)
      .moveTo(x + BOX - p, y + p)
      .lineTo(x + p, y + BOX - p)
      .stroke();
  }
  doc.restore();
}

function otherHeight(doc: Pdf, o: FormText['other']): number {
  const box = contentBox(doc);
  if (o.text) return textHeight(doc, `${o.label} ${o.text}`, labelW(box), body);
  return 2 * textHeight(doc, 'X', labelW(box), body) + 2;
}

function drawOther(doc: Pdf, o: FormText['other']): void {
  const box = contentBox(doc);
  ensureSpace(doc, textHeight(doc, 'X', box.width, body) * 2);
  const top = doc.y;
  textAt(doc, o.number, box.left + 6, top, INDENT, { ...body, font: 'bold' });
  let y: number;
  if (o.text)
    y = runsAt(doc, [{ text: `${o.label} ` }, { text: o.text }], box.left + INDENT, top, labelW(box), {
      ...body,
      align: 'justify',
    });
  else {
    y = textAt(
      doc,
      dotFill(doc, `${o.label} `, labelW(box), body),
      box.left + INDENT,
      top,
      labelW(box),
      body,
    );
    y = textAt(doc, dotFill(doc, '', labelW(box), body), box.left + INDENT, y + 2, labelW(box), body);
  }
  doc.y = y + 4;
}

/** Small print under the ratings: justified ratings that contradicted the record, for the workplace reading the form. */
const small: TextStyle = { size: PT.small, lineGap: 0.5 };
const CHECK_PAD = 5;

function checksHeight(doc: Pdf, t: FormText): number {
  if (!t.checks) return 0;
  const w = contentBox(doc).width - 2 * CHECK_PAD;
  const lines = t.checks.lines.reduce((h, l) => h + textHeight(doc, l, w, { ...small, font: 'italic' }), 0);
  return (
    2 +
    textHeight(doc, `${t.checks.heading}:`, w, { ...small, font: 'boldItalic' }) +
    lines +
    2 * CHECK_PAD +
    4
  );
}

function drawChecks(doc: Pdf, t: FormText): void {
  if (!t.checks) return;
  const box = contentBox(doc);
  const pad = CHECK_PAD;
  const w = box.width - 2 * pad;
  doc.y += 2;
  ensureSpace(doc, checksHeight(doc, t) - 2);
  const top = doc.y;
  let y = textAt(doc, `${t.checks.heading}:`, box.left + pad, top + pad, w, { ...small, font: 'boldItalic' });
  for (const line of t.checks.lines)
    y = textAt(doc, line, box.left + pad, y, w, { ...small, font: 'italic' });
  doc
    .save()
    .lineWidth(0.5)
    .dash(2, { space: 2 })
    .rect(box.left, top, box.width, y + pad - top)
    .stroke()
    .undash()
    .restore();
  doc.y = y + pad + 4;
}

const signHeight = (doc: Pdf, b: SignBlock, width: number): number => signBlockHeight(doc, b, width, sign);

/** One signature block in a column: [date line], titles, room to sign, name (or dots to write it). */
function drawSignBlock(
  doc: Pdf,
  b: SignBlock,
  x: number,
  y: number,
  width: number,
  dateSlot: boolean,
): number {
  return drawPartySignBlock(doc, b, x, y, width, { ...sign, dateSlot });
}

/** The Front head on the left, the cell secretary on the right (Art. 4.4: both took part in the evaluation). */
function signaturesHeight(doc: Pdf, t: FormText): number {
  const half = contentBox(doc).width / 2;
  return 6 + Math.max(signHeight(doc, t.front, half), signHeight(doc, t.cellSign, half)) + 4;
}

function drawSignatures(doc: Pdf, t: FormText): void {
  const box = contentBox(doc);
  const half = box.width / 2;
  const dateSlot = Boolean(t.front.date || t.cellSign.date);
  doc.y += 6;
  ensureSpace(doc, signaturesHeight(doc, t) - 6);
  const top = doc.y;
  const ly = drawSignBlock(doc, t.front, box.left, top, half, dateSlot);
  const ry = drawSignBlock(doc, t.cellSign, box.left + half, top, half, dateSlot);
  doc.y = Math.max(ly, ry) + 4;
}

function confirmationHeight(doc: Pdf, t: FormText, hasQr: boolean): number {
  const half = contentBox(doc).width / 2;
  const heading = textHeight(doc, t.confirmation.heading, half, {
    size: PT.body,
    font: 'bold',
    align: 'center',
  });
  return (
    8 + Math.max(heading + signHeight(doc, t.confirmation.block, half), hasQr ? heading + 4 + QR_SIZE : 0) + 4
  );
}

/** The commune's confirmation on the right (Art. 4.5), the QR code of the confirmed form on the left. */
function drawConfirmation(doc: Pdf, t: FormText, qr: Buffer | null): void {
  const box = contentBox(doc);
  const half = box.width / 2;
  const c = t.confirmation;
  const headingStyle: TextStyle = { size: PT.body, font: 'bold', align: 'center' };
  const heading = textHeight(doc, c.heading, half, headingStyle);
  doc.y += 8;
  ensureSpace(doc, confirmationHeight(doc, t, qr !== null) - 8);
  const top = doc.y;
  let ry = textAt(doc, c.heading, box.left + half, top, half, headingStyle);
  ry = drawSignBlock(doc, c.block, box.left + half, ry, half, false);
  let ly = top;
  if (t.verification && qr)
    ly = drawVerification(doc, t.verification, qr, box.left, top + heading + 4, half - 10);
  doc.y = Math.max(ly, ry);
}

function drawVerification(
  doc: Pdf,
  v: { code: string; url: string },
  qr: Buffer,
  x: number,
  y: number,
  width: number,
): number {
  doc.image(qr, x, y, { width: QR_SIZE, height: QR_SIZE });
  const tx = x + QR_SIZE + 6;
  const tw = width - QR_SIZE - 6;
  let ty = textAt(doc, 'Mã xác thực:', tx, y + 6, tw, { size: PT.tiny, font: 'italic' });
  ty = textAt(doc, v.code, tx, ty, tw, { size: PT.tiny + 1.5, font: 'bold' });
  ty = textAt(doc, 'Kiểm tra tại:', tx, ty + 3, tw, { size: PT.tiny, font: 'italic' });
  textAt(doc, v.url, tx, ty, tw, { size: PT.tiny });
  return y + QR_SIZE;
}

// ---------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------

// Times New Roman has no ballot boxes (☐ ☒); this font has them, and Word or LibreOffice substitute one that does.
const BOX_FONT = 'Segoe UI Symbol';

export async function renderEvaluationDocx(form: EvaluationFormData): Promise<Buffer> {
  const t = formText(form);
  const qr = form.verification ? await qrPng(form.verification.url) : null;
  return renderDocx({ title: `Phiếu nhận xét năm ${form.year} – ${form.member.fullName}` }, [
    { children: docxChildren(t, qr) },
  ]);
}

function docxChildren(t: FormText, qr: Buffer | null): FileChild[] {
  return [
    ...(t.draft ? [draftMark()] : []),
    docxHeader(t),
    para([run(t.title, { bold: true, size: DX.body + 2 })], { align: 'center', before: 360 }),
    ...(t.subtitle ? [para([run(t.subtitle, { bold: true })], { align: 'center' })] : []),
    para([run(t.period, { italics: true })], { align: 'center', after: 240 }),
    para([run(t.basis, { italics: true })], { align: 'both', indent: true }),
    para([run(t.meeting)], { align: 'both', indent: true, before: 60 }),
    docxField(t.participants),
    para([run(t.lead)], { indent: true, before: 120 }),
    docxFieldPair(t.memberName, t.dateOfBirth),
    ...t.fields.map(docxField),
    para([run(t.ratingsLead, { bold: true })], { before: 120 }),
    ...t.criteria.flatMap(docxCriterion),
    ...docxOther(t.other),
    ...(t.checks ? docxChecks(t.checks) : []),
    docxSignatures(t, qr),
  ];
}

function docxHeader(t: FormText): Table {
  return partyHeaderTable({
    left: [{ text: t.commune }, { text: t.cell, bold: true }, { text: '*' }],
    nation: t.nation,
    dateLine: t.dateLine,
    cantSplit: true,
  });
}

function docxField(f: Field): Paragraph {
  if (f.value) return para([run(`${f.label}: `), run(f.value)], { left: DX_INDENT, before: 40 });
  return dottedLine(DX_INDENT, [run(`${f.label}: `)], true);
}

/** Name and date of birth on one line (a tab stop at 62% of the line). */
function docxFieldPair(a: Field, b: Field): Paragraph {
  const mid = DX_INDENT + Math.round((CONTENT_W - DX_INDENT) * 0.62);
  return new Paragraph({
    indent: { left: DX_INDENT },
    spacing: { before: 40 },
    tabStops: [{ type: TabStopType.LEFT, position: mid }],
    children: [
      run(`${a.label}: `),
      run(a.value ?? BLANK, { bold: true }),
      new TextRun({ text: `\t${b.label}: ${b.value ?? BLANK}` }),
    ],
  });
}

/** The criterion as a hanging paragraph, then its levels in a row of even cells (labels wrap inside their cell). */
function docxCriterion(c: CriterionText): Block[] {
  const left = DX_INDENT;
  const n = Math.max(c.levels.length, 1);
  const colW = Math.floor((CONTENT_W - left) / n);
  const levels = borderlessTable(
    [
      c.levels.map((l) =>
        cell(
          [
            para([run(l.chosen ? '☒' : '☐', { font: BOX_FONT }), run(` ${l.label}`, { bold: l.chosen })], {
              before: 20,
            }),
          ],
          colW,
        ),
      ),
    ],
    c.levels.map(() => colW),
    { indent: left, tight: true, cantSplit: true },
  );
  return [
    new Paragraph({
      indent: { left, hanging: left },
      spacing: { before: 100 },
      keepNext: true,
      keepLines: true,
      tabStops: [{ type: TabStopType.LEFT, position: left }],
      children: [run(c.number, { bold: true }), new TextRun({ text: `\t${c.label}` })],
    }),
    levels,
    ...(c.justification
      ? [
          para(
            [
              run('Giải trình: ', { bold: true, italics: true, size: DX.small }),
              run(c.justification, { italics: true, size: DX.small }),
            ],
            { left, before: 20 },
          ),
        ]
      : []),
  ];
}

function docxOther(o: FormText['other']): Paragraph[] {
  const left = DX_INDENT;
  const first = new Paragraph({
    indent: { left, hanging: left },
    spacing: { before: 100 },
    keepNext: true,
    tabStops: [
      { type: TabStopType.LEFT, position: left },
      ...(o.text ? [] : [{ type: TabStopType.RIGHT, position: CONTENT_W, leader: LeaderType.DOT }]),
    ],
    alignment: AlignmentType.BOTH,
    children: [
      run(o.number, { bold: true }),
      new TextRun({ text: `\t${o.label} ` }),
      ...(o.text ? [run(o.text)] : [new TextRun({ text: '\t' })]),
    ],
  });
  return o.text ? [first] : [first, dottedLine(left, [], true)];
}

/** The notes in a dashed frame: paragraphs with the same border join into one box in Word. */
function docxChecks(c: NonNullable<FormText['checks']>): Paragraph[] {
  const dashed = { style: BorderStyle.DASHED, size: 6, color: '000000', space: 4 };
  const framed = (children: ParagraphChild[], before: number) =>
    new Paragraph({
      border: { top: dashed, bottom: dashed, left: dashed, right: dashed },
      indent: { left: 80, right: 80 },
      spacing: { before, after: 0 },
      keepNext: true,
      children,
    });
  return [
    framed([run(`${c.heading}:`, { bold: true, italics: true, size: DX.small })], 120),
    ...c.lines.map((l) => framed([run(l, { italics: true, size: DX.small })], 0)),
  ];
}

function docxSignBlock(b: SignBlock, dateSlot: boolean, keepNext = false): Paragraph[] {
  return signBlockParagraphs(b, { space: 900, dateSlot, keepNext }); // room to sign (and for the commune's seal)
}

/**
 * The signatures in one table: the Front head and the secretary side by side, then the QR code and the
 * commune's confirmation (a little wider than half, for its heading). Rows never split, and the first
 * keeps with the second, so the confirmation never lands alone on a page.
 */
function docxSignatures(t: FormText, qr: Buffer | null): Table {
  const half = Math.round(CONTENT_W / 2);
  const qrW = Math.round(CONTENT_W * 0.42);
  const widths = [qrW, half - qrW, CONTENT_W - half];
  const dateSlot = Boolean(t.front.date || t.cellSign.date);
  const c = t.confirmation;
  const verification: Block[] =
    t.verification && qr
      ? [
          new Paragraph({
            spacing: { before: 240 },
            children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 104, height: 104 } })],
          }),
          para([run(`Mã xác thực: ${t.verification.code}`, { size: DX.tiny, bold: true })]),
          para([run(`Kiểm tra tại: ${t.verification.url}`, { size: DX.tiny, italics: true })]),
        ]
      : [para([])];
  const span = (children: Block[], width: number, columnSpan: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      columnSpan,
      verticalAlign: VerticalAlign.TOP,
    });
  return new Table({
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          span(
            [para([], { before: 200, keepNext: true }), ...docxSignBlock(t.front, dateSlot, true)],
            half,
            2,
          ),
          span(
            [para([], { before: 200, keepNext: true }), ...docxSignBlock(t.cellSign, dateSlot, true)],
            CONTENT_W - half,
            1,
          ),
        ],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          span(verification, qrW, 1),
          span(
            [
              para([run(c.heading, { bold: true })], { align: 'center', before: 240 }),
              ...docxSignBlock(c.block, false),
            ],
            CONTENT_W - qrW,
            2,
          ),
        ],
      }),
    ],
    width: { size: CONTENT_W, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}
