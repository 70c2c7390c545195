/**
 * The introduction letter (giấy giới thiệu, Regulation 213-QĐ/TW) as PDF and DOCX.
 *
 * The wording is built once by `letterText` and laid out twice, so the printed PDF and the
 * editable DOCX never drift apart. Layout follows Party administrative style: two-column header
 * (committee left, "ĐẢNG CỘNG SẢN VIỆT NAM" right), centred title, "Kính gửi", body, signature
 * "T/M ĐẢNG ỦY" on the right, and a tear-off receipt block for the residence committee.
 */
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  Table,
  TabStopType,
  TextRun,
  type FileChild,
} from 'docx';
import {
  CONTENT_W,
  DX,
  dottedLine,
  draftMark,
  para,
  partyHeaderTable,
  recipientParagraphs,
  renderDocx,
  run,
  signBlockParagraphs,
  signatureTable,
  twip,
  type Block,
} from '../../documents/docx';
import { drawPartyHeader, drawRecipients, drawSignBlock, type SignStyle } from '../../documents/party-header';
import {
  DRAFT_MARK,
  NATION,
  ON_BEHALF_OF_COMMITTEE,
  numberLine,
  placeDateLine,
  signerTitle,
  upperVi as upper,
} from '../../documents/party-text';
import {
  contentBox,
  dashedRule,
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
  type Run,
  type TextStyle,
} from '../../documents/pdf';
import { qrPng } from '../../documents/qr';

export interface LetterDocumentData {
  /** e.g. "12-GGT/ĐU"; null for a draft (print "Số      -GGT/ĐU" and a "DỰ THẢO" (draft) watermark/mark) */
  number: string | null;
  /** the issuing committee's superior, upper-cased in print, e.g. "Đảng bộ Khối Doanh nghiệp tỉnh Nghệ An"; may be null */
  superiorCommitteeName: string | null;
  /** e.g. "Đảng ủy Công ty Điện lực Nghệ An" */
  issuingCommitteeName: string;
  /** place name for the date line, e.g. "Nghệ An" */
  place: string;
  /** ISO yyyy-mm-dd or null (draft) → "…, ngày … tháng … năm …" */
  issuedOn: string | null;
  /** addressee 1: e.g. "Đảng ủy phường Thành Vinh" */
  receivingCommuneName: string;
  /** addressee 2: the residential cell if known, else print a dotted blank "Chi bộ ……………" */
  receivingCellName: string | null;
  member: {
    fullName: string;
    sex: 'male' | 'female';
    dateOfBirth: string; // ISO
    dateAdmitted: string | null; // ISO
    dateOfficial: string | null; // ISO
    workplaceCellName: string; // current workplace cell
    jobTitle: string | null;
    residenceAddress: string; // actual residence, one line
    registeredAddress: string | null; // permanent address if different, else null
  };
  /** exempt from residence activity (Guide 33): print a clear "Thuộc diện miễn sinh hoạt nơi cư trú" mark with reason and period */
  exempt: { reason: string | null; from: string | null; to: string | null } | null;
  /** signer for the committee: "T/M ĐẢNG ỦY" then "BÍ THƯ" or "PHÓ BÍ THƯ", then the name; null → leave the block unsigned */
  signer: { position: 'secretary' | 'deputy_secretary'; name: string } | null;
  /** verification: a QR code encoding `url` plus the short `code` printed in text ("Mã xác thực: ABCD-EFGH-JKLM" and "Kiểm tra tại: <url>") */
  verification: { code: string; url: string } | null;
  /** receipt block for the residence side; when null print the blank block with dotted lines to fill by hand */
  receipt: { receivedOn: string | null; cellName: string | null; signerName: string | null } | null;
}

// ---------------------------------------------------------------------------------------------
// Wording (shared by PDF and DOCX)
// ---------------------------------------------------------------------------------------------

/** A labelled line; a null value is printed as a blank to fill in by hand. */
interface Field {
  label: string;
  value: string | null;
  /** Blank lines to leave when the value is missing (default 1). */
  blankLines?: number;
}

interface LetterText {
  draft: boolean;
  superior: string | null;
  issuing: string;
  numberLine: string;
  nation: string;
  dateLine: string;
  title: string;
  subtitle: string;
  addressees: string[];
  introLead: string;
  memberName: string;
  fieldPairs: [Field, Field][];
  fields: Field[];
  exemptLine: string | null;
  request: string;
  recipients: string[];
  signature: { org: string; position: string | null; name: string | null };
  verification: { code: string; url: string; codeLine: string; urlLine: string } | null;
  receipt: { heading: string; fields: Field[]; org: string; hint: string; name: string | null };
}

const BLANK = '……………';
const REGULATION = 'Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị';

/** ISO date (or timestamp) → dd/mm/yyyy; anything unparseable is printed as given. */
function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function exemptLine(exempt: LetterDocumentData['exempt']): string | null {
  if (!exempt) return null;
  const from = formatDate(exempt.from);
  const to = formatDate(exempt.to);
  const period = from && to ? ` (từ ${from} đến ${to})` : from ? ` (từ ${from})` : to ? ` (đến ${to})` : '';
  const reason = exempt.reason?.trim() ? `: ${exempt.reason.trim()}` : '';
  return `Thuộc diện miễn sinh hoạt nơi cư trú${reason}${period}.`;
}

function letterText(l: LetterDocumentData): LetterText {
  const m = l.member;
  const cell = l.receivingCellName?.trim() || null;
  return {
    draft: l.number === null,
    superior: l.superiorCommitteeName ? upper(l.superiorCommitteeName) : null,
    issuing: upper(l.issuingCommitteeName),
    numberLine: numberLine(l.number, 'GGT/ĐU'),
    nation: NATION,
    dateLine: placeDateLine(l.place, l.issuedOn),
    title: 'GIẤY GIỚI THIỆU',
    subtitle: 'Đảng viên đang công tác giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú',
    addressees: [`- ${l.receivingCommuneName};`, `- ${cell ?? `Chi bộ ${BLANK}…… (nơi cư trú)`}.`],
    introLead: `${l.issuingCommitteeName} trân trọng giới thiệu đồng chí: `,
    memberName: upper(m.fullName),
    fieldPairs: [
      [
        { label: 'Giới tính', value: m.sex === 'male' ? 'Nam' : 'Nữ' },
        { label: 'Ngày sinh', value: formatDate(m.dateOfBirth) },
      ],
      [
        { label: 'Ngày vào Đảng', value: formatDate(m.dateAdmitted) },
        { label: 'Ngày chính thức', value: formatDate(m.dateOfficial) },
      ],
    ],
    fields: [
      { label: 'Hiện sinh hoạt tại', value: m.workplaceCellName },
      { label: 'Chức vụ', value: m.jobTitle?.trim() || null },
      { label: 'Nơi cư trú hiện nay', value: m.residenceAddress },
      // Since the 2020 Residence Law the household book is gone; the register speaks of "nơi thường trú".
      ...(m.registeredAddress?.trim()
        ? [{ label: 'Nơi thường trú', value: m.registeredAddress.trim() }]
        : []),
    ],
    exemptLine: exemptLine(l.exempt),
    request:
      `Thực hiện ${REGULATION} về trách nhiệm của đảng viên đang công tác thường xuyên giữ mối liên hệ ` +
      `với tổ chức đảng và nhân dân nơi cư trú, đề nghị ${l.receivingCommuneName} tiếp nhận, giới thiệu ` +
      `đồng chí ${m.fullName} về ${cell ?? 'chi bộ nơi cư trú'} để đồng chí giữ mối liên hệ với tổ chức đảng ` +
      `và nhân dân nơi cư trú theo quy định.`,
    recipients: ['- Như trên,', '- Lưu VP.'],
    signature: {
      org: ON_BEHALF_OF_COMMITTEE,
      position: l.signer ? signerTitle(l.signer.position) : null,
      name: l.signer?.name ?? null,
    },
    verification: l.verification
      ? {
          ...l.verification,
          codeLine: `Mã xác thực: ${l.verification.code}`,
          urlLine: `Kiểm tra tại: ${l.verification.url}`,
        }
      : null,
    receipt: {
      heading: 'PHẦN TIẾP NHẬN CỦA ĐẢNG ỦY XÃ, PHƯỜNG NƠI CƯ TRÚ',
      fields: [
        { label: 'Ngày tiếp nhận', value: formatDate(l.receipt?.receivedOn ?? null) },
        { label: 'Giới thiệu về sinh hoạt tại', value: l.receipt?.cellName?.trim() || null, blankLines: 2 },
      ],
      org: ON_BEHALF_OF_COMMITTEE,
      hint: '(Ký, ghi rõ họ tên)',
      name: l.receipt?.signerName?.trim() || null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

const PT = { header: 11.5, nation: 12.5, title: 14, body: 12, small: 10.5, tiny: 8 };
const QR_SIZE = 80;
const body: TextStyle = { size: PT.body, lineGap: 1 };
const sign: SignStyle = { size: PT.body, lineGap: 1, hintSize: PT.small, space: 58 }; // room for the signature and the seal

export function renderLetterPdf(letter: LetterDocumentData): Promise<Buffer> {
  return renderLettersPdf([letter]);
}

/** one letter per page (the receipt block may share the page or continue), all in one PDF, for a batch */
export async function renderLettersPdf(letters: LetterDocumentData[]): Promise<Buffer> {
  if (letters.length === 0) throw new RangeError('renderLettersPdf needs at least one letter');
  const qrs = await Promise.all(letters.map((l) => (l.verification ? qrPng(l.verification.url) : null)));
  const first = letters[0]!;
  const setup = {
    title: letters.length === 1 ? `Giấy giới thiệu ${first.number ?? '(dự thảo)'}` : 'Giấy giới thiệu',
    author: first.issuingCommitteeName,
    subject: 'Giấy giới thiệu đảng viên giữ mối liên hệ với nơi cư trú (Quy định 213-QĐ/TW)',
  };
  return renderPdf(setup, (doc) => {
    letters.forEach((letter, i) => drawLetter(doc, letterText(letter), qrs[i] ?? null));
  });
}

function drawLetter(doc: Pdf, t: LetterText, qr: Buffer | null): void {
  const firstPage = pageCount(doc);
  doc.addPage();
  drawHeader(doc, t);
  drawTitle(doc, t);
  drawAddressees(doc, t);
  drawBody(doc, t);
  drawSignature(doc, t, qr);
  drawReceipt(doc, t);
  // Stamped afterwards, once we know how many pages the letter took: a draft that spills onto a
  // second page is marked there too, and continuation pages get a number.
  const pages = pagesSince(doc, firstPage);
  pages.forEach((page, i) => {
    doc.switchToPage(page);
    if (t.draft) watermark(doc, DRAFT_MARK);
    if (i > 0) topPageNumber(doc, i + 1);
  });
}

/** Committee on the left, nation on the right; the "Số" line and the date line share a baseline. */
function drawHeader(doc: Pdf, t: LetterText): void {
  const bottom = drawPartyHeader(doc, {
    left: [...(t.superior ? [{ text: t.superior }] : []), { text: t.issuing, bold: true }, { text: '*' }],
    number: t.numberLine,
    nation: t.nation,
    dateLine: t.dateLine,
    sizes: { header: PT.header, nation: PT.nation },
  });
  doc.y = bottom + 16;
}

function drawTitle(doc: Pdf, t: LetterText): void {
  const box = contentBox(doc);
  let y = textAt(doc, t.title, box.left, doc.y, box.width, { size: PT.title, font: 'bold', align: 'center' });
  const inset = box.width * 0.1;
  y = textAt(doc, t.subtitle, box.left + inset, y + 2, box.width - 2 * inset, {
    size: PT.body,
    font: 'bold',
    align: 'center',
  });
  doc.y = y + 14;
}

/** "Kính gửi:" with the addressees stacked and aligned after it, as in official letters. */
function drawAddressees(doc: Pdf, t: LetterText): void {
  const box = contentBox(doc);
  const label = 'Kính gửi: ';
  doc.font('italic').fontSize(PT.body);
  const labelX = box.left + box.width * 0.14;
  const itemsX = labelX + doc.widthOfString(label);
  const top = doc.y;
  textAt(doc, label, labelX, top, itemsX - labelX + 2, { size: PT.body, font: 'italic' });
  let y = top;
  for (const line of t.addressees) y = textAt(doc, line, itemsX, y, box.right - itemsX, { ...body });
  doc.y = y + 10;
}

function drawBody(doc: Pdf, t: LetterText): void {
  const box = contentBox(doc);
  const indent = 28;
  // Left-aligned with a non-breaking name: justifying a line that ends in a split name spreads it apart.
  const name = t.memberName.replace(/ /g, '\u00a0');
  let y = runsAt(doc, [{ text: t.introLead }, { text: name, font: 'bold' }], box.left, doc.y, box.width, {
    ...body,
    indent,
  });
  for (const [a, b] of t.fieldPairs) y = drawFieldPair(doc, a, b, y + 1, indent);
  for (const f of t.fields) y = drawField(doc, f, box.left + indent, y + 1, box.width - indent);
  if (t.exemptLine) y = drawExempt(doc, t.exemptLine, y + 6);
  doc.y = y + 6;
  y = textAt(doc, t.request, box.left, doc.y, box.width, { ...body, indent, align: 'justify' });
  doc.y = y + 14;
}

function fieldRuns(doc: Pdf, f: Field, width: number): Run[] {
  const label = `${f.label}: `;
  return f.value ? [{ text: label }, { text: f.value }] : [{ text: dotFill(doc, label, width, body) }];
}

function drawField(doc: Pdf, f: Field, x: number, y: number, width: number): number {
  doc.y = y;
  ensureSpace(doc, textHeight(doc, 'X', width, body));
  return runsAt(doc, fieldRuns(doc, f, width), x, doc.y, width, body);
}

/** Two short fields side by side (sex | date of birth) to keep the letter on one page. */
function drawFieldPair(doc: Pdf, a: Field, b: Field, y: number, indent: number): number {
  const box = contentBox(doc);
  const half = (box.width - indent) / 2;
  doc.y = y;
  ensureSpace(doc, textHeight(doc, 'X', half, body));
  const top = doc.y;
  const left = runsAt(doc, fieldRuns(doc, a, half - 8), box.left + indent, top, half - 8, body);
  const right = runsAt(doc, fieldRuns(doc, b, half), box.left + indent + half, top, half, body);
  return Math.max(left, right);
}

/** A framed bold line: the receiving committee must not miss that the member is exempt. */
function drawExempt(doc: Pdf, line: string, y: number): number {
  const box = contentBox(doc);
  const pad = 5;
  const style: TextStyle = { ...body, font: 'bold' };
  const h = textHeight(doc, line, box.width - 2 * pad, style) + 2 * pad;
  doc.y = y;
  ensureSpace(doc, h);
  const top = doc.y;
  doc.save().lineWidth(1).rect(box.left, top, box.width, h).stroke().restore();
  textAt(doc, line, box.left + pad, top + pad, box.width - 2 * pad, style);
  return top + h;
}

/** "Nơi nhận" and the QR on the left, the committee's signature on the right. */
function drawSignature(doc: Pdf, t: LetterText, qr: Buffer | null): void {
  const box = contentBox(doc);
  const leftW = box.width * 0.5;
  const rightX = box.left + leftW;
  const rightW = box.width - leftW;
  ensureSpace(doc, 135);
  const top = doc.y;

  let ly = drawRecipients(doc, t.recipients, box.left, top, leftW, PT.small);
  if (t.verification && qr) ly = drawVerification(doc, t.verification, qr, box.left, ly + 6, leftW);

  const s = t.signature;
  // Unsigned, the position line stays blank so the room to sign is where it will be.
  const block = { titles: [s.org, s.position ?? ' '], name: s.name };
  const ry = drawSignBlock(doc, block, rightX, top, rightW, sign);

  doc.y = Math.max(ly, ry) + 10;
}

function drawVerification(
  doc: Pdf,
  v: NonNullable<LetterText['verification']>,
  qr: Buffer,
  x: number,
  y: number,
  width: number,
): number {
  doc.image(qr, x, y, { width: QR_SIZE, height: QR_SIZE });
  const tx = x + QR_SIZE + 6;
  const tw = width - QR_SIZE - 12;
  let ty = textAt(doc, 'Mã xác thực:', tx, y + 8, tw, { size: PT.tiny, font: 'italic' });
  ty = textAt(doc, v.code, tx, ty, tw, { size: PT.tiny + 1.5, font: 'bold' });
  ty = textAt(doc, 'Kiểm tra tại:', tx, ty + 3, tw, { size: PT.tiny, font: 'italic' });
  textAt(doc, v.url, tx, ty, tw, { size: PT.tiny });
  return y + QR_SIZE;
}

/**
 * The tear-off part the residence committee fills in and keeps: fields on the left, the
 * committee's signature on the right, so the block stays short enough to share the letter's page.
 */
function drawReceipt(doc: Pdf, t: LetterText): void {
  const box = contentBox(doc);
  const r = t.receipt;
  ensureSpace(doc, receiptHeight(doc, r));
  dashedRule(doc, doc.y);
  const top =
    textAt(doc, r.heading, box.left, doc.y + 8, box.width, { size: PT.body, font: 'bold', align: 'center' }) +
    4;

  const leftW = box.width * 0.56;
  let ly = top;
  for (const f of r.fields) {
    ly = drawField(doc, f, box.left, ly, leftW);
    for (let i = 1; !f.value && i < (f.blankLines ?? 1); i++) ly = dotLine(doc, box.left, ly + 2, leftW);
    ly += 2;
  }

  const signX = box.left + leftW;
  const signW = box.width - leftW;
  let ry = textAt(doc, r.org, signX, top, signW, { size: PT.body, font: 'bold', align: 'center' });
  ry = textAt(doc, r.hint, signX, ry, signW, { size: PT.small, font: 'italic', align: 'center' });
  ry += 40;
  ry = r.name
    ? textAt(doc, r.name, signX, ry, signW, { size: PT.body, font: 'bold', align: 'center' })
    : textAt(doc, dotFill(doc, '', signW * 0.7, body), signX, ry, signW, { ...body, align: 'center' });
  doc.y = Math.max(ly, ry);
}

/** What drawReceipt will take, so the block moves to a new page whole instead of splitting. */
function receiptHeight(doc: Pdf, r: LetterText['receipt']): number {
  const box = contentBox(doc);
  const line = textHeight(doc, 'X', box.width, body);
  const heading = textHeight(doc, r.heading, box.width, { size: PT.body, font: 'bold', align: 'center' });
  const left = r.fields.reduce((h, f) => h + (f.value ? line : (line + 2) * (f.blankLines ?? 1)) + 2, 0);
  const right = line + textHeight(doc, r.hint, box.width, { size: PT.small, font: 'italic' }) + 40 + line;
  return 8 + heading + 4 + Math.max(left, right) + 2;
}

function dotLine(doc: Pdf, x: number, y: number, width: number): number {
  return textAt(doc, dotFill(doc, '', width, body), x, y, width, body);
}

// ---------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------

export async function renderLetterDocx(letter: LetterDocumentData): Promise<Buffer> {
  const t = letterText(letter);
  const qr = letter.verification ? await qrPng(letter.verification.url) : null;
  return renderDocx({ title: `Giấy giới thiệu ${letter.number ?? '(dự thảo)'}` }, [
    { children: docxChildren(t, qr) },
  ]);
}

function docxChildren(t: LetterText, qr: Buffer | null): FileChild[] {
  return [
    ...(t.draft ? [draftMark()] : []),
    docxHeader(t),
    para([run(t.title, { bold: true, size: DX.body + 1 })], { align: 'center', before: 360 }),
    para([run(t.subtitle, { bold: true })], { align: 'center', after: 240 }),
    ...docxAddressees(t),
    para([run(t.introLead), run(t.memberName, { bold: true })], { align: 'both', indent: true, before: 120 }),
    ...t.fieldPairs.map(([a, b]) => docxFieldPair(a, b)),
    ...t.fields.flatMap((f) => docxField(f, true)),
    ...(t.exemptLine ? [docxExempt(t.exemptLine)] : []),
    para([run(t.request)], { align: 'both', indent: true, before: 120, after: 240 }),
    docxSignature(t, qr),
    ...docxReceipt(t),
  ];
}

/** Two rows so that the "Số" line and the date line share a row, however the names wrap. */
function docxHeader(t: LetterText): Table {
  return partyHeaderTable({
    left: [...(t.superior ? [{ text: t.superior }] : []), { text: t.issuing, bold: true }, { text: '*' }],
    number: t.numberLine,
    nation: t.nation,
    dateLine: t.dateLine,
  });
}

function docxAddressees(t: LetterText): Paragraph[] {
  // A hanging indent lines the second addressee up under the first, after "Kính gửi:".
  const start = twip(25);
  const hang = twip(25);
  return t.addressees.map(
    (line, i) =>
      new Paragraph({
        indent: { left: start + hang, hanging: i === 0 ? hang : 0 },
        spacing: { after: i === t.addressees.length - 1 ? 200 : 0 },
        tabStops: [{ type: TabStopType.LEFT, position: start + hang }],
        children:
          i === 0 ? [run('Kính gửi:', { italics: true }), new TextRun({ text: `\t${line}` })] : [run(line)],
      }),
  );
}

/** A labelled line; a missing value becomes dotted leaders to the right margin, to fill by hand. */
function docxField(f: Field, indented: boolean): Paragraph[] {
  const left = indented ? twip(10) : 0;
  if (f.value) {
    return [
      new Paragraph({
        indent: { left },
        spacing: { before: 40 },
        children: [run(`${f.label}: `), run(f.value)],
      }),
    ];
  }
  const extra = Array.from({ length: (f.blankLines ?? 1) - 1 }, () => dottedLine(left, []));
  return [dottedLine(left, [run(`${f.label}: `)]), ...extra];
}

function docxFieldPair(a: Field, b: Field): Paragraph {
  const mid = twip(10) + Math.round((CONTENT_W - twip(10)) / 2);
  const value = (f: Field) => f.value ?? '……………';
  return new Paragraph({
    indent: { left: twip(10) },
    spacing: { before: 40 },
    tabStops: [{ type: TabStopType.LEFT, position: mid }],
    children: [run(`${a.label}: ${value(a)}`), new TextRun({ text: `\t${b.label}: ${value(b)}` })],
  });
}

function docxExempt(line: string): Paragraph {
  const border = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  return new Paragraph({
    border: { top: border, bottom: border, left: border, right: border },
    spacing: { before: 120, after: 60 },
    children: [run(line, { bold: true })],
  });
}

function docxSignature(t: LetterText, qr: Buffer | null): Table {
  const left: Block[] = [
    ...recipientParagraphs(t.recipients),
    ...(t.verification && qr ? docxVerification(t.verification, qr) : []),
  ];
  const s = t.signature;
  const right = signBlockParagraphs({ titles: [s.org, s.position ?? ''], name: s.name }, { space: 1200 });
  return signatureTable(left, right);
}

function docxVerification(v: NonNullable<LetterText['verification']>, qr: Buffer): Paragraph[] {
  return [
    new Paragraph({
      spacing: { before: 160 },
      children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 112, height: 112 } })],
    }),
    para([run(v.codeLine, { size: DX.tiny, bold: true })]),
    para([run(v.urlLine, { size: DX.tiny, italics: true })]),
  ];
}

function docxReceipt(t: LetterText): Paragraph[] {
  const r = t.receipt;
  const dashed = { style: BorderStyle.DASHED, size: 6, color: '000000', space: 1 };
  return [
    new Paragraph({ border: { bottom: dashed }, spacing: { before: 240, after: 200 }, children: [] }),
    para([run(r.heading, { bold: true })], { align: 'center', after: 120 }),
    ...r.fields.flatMap((f) => docxField(f, false)),
    receiptSignLine(r.org, { bold: true }, 200),
    receiptSignLine(r.hint, { italics: true, size: DX.small }, 0),
    receiptSignLine(r.name ?? '……………………', { bold: Boolean(r.name) }, 900),
  ];
}

/** Lines of the receipt signature, centred in the right half of the page. */
function receiptSignLine(text: string, style: Parameters<typeof run>[1], before: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: Math.round(CONTENT_W / 2) },
    spacing: { before },
    children: [run(text, style)],
  });
}
