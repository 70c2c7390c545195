/**
 * The introduction letter as PDF, in Party administrative style: two-column header (committee left,
 * "ĐẢNG CỘNG SẢN VIỆT NAM" right), centred title, "Kính gửi", body, signature "T/M ĐẢNG ỦY" on the right
 * with "Nơi nhận" and the QR code on the left, and a tear-off receipt block for the residence committee.
 */
import { drawField, fieldRuns, type Field } from '../../documents/fields';
import {
  drawPartyHeader,
  drawRecipients,
  drawSignBlock,
  drawTitle,
  type SignStyle,
} from '../../documents/party-header';
import {
  contentBox,
  dashedRule,
  dotFill,
  ensureSpace,
  pageCount,
  renderPdf,
  runsAt,
  stampPages,
  textAt,
  textHeight,
  type Pdf,
  type TextStyle,
} from '../../documents/pdf';
import { drawVerification, qrPngs, type PdfQrStyle } from '../../documents/qr';
import { letterText, type LetterDocumentData, type LetterText } from './letter-document-text';

const PT = { header: 11.5, nation: 12.5, title: 14, body: 12, small: 10.5, tiny: 8 };
const QR_SIZE = 80;
const body: TextStyle = { size: PT.body, lineGap: 1 };
const sign: SignStyle = { size: PT.body, lineGap: 1, hintSize: PT.small, space: 58 }; // room for the signature and the seal
const QR: PdfQrStyle = { qr: QR_SIZE, size: PT.tiny, textTop: 8, textInset: 12 };
// the receipt's signature: a shorter room to sign, a longer blank for the name
const receiptSign: SignStyle = { ...sign, space: 40, dots: { share: 0.7 } };

export function renderLetterPdf(letter: LetterDocumentData): Promise<Buffer> {
  return renderLettersPdf([letter]);
}

/** one letter per page (the receipt block may share the page or continue), all in one PDF, for a batch */
export async function renderLettersPdf(letters: LetterDocumentData[]): Promise<Buffer> {
  if (letters.length === 0) throw new RangeError('renderLettersPdf needs at least one letter');
  const qrs = await qrPngs(letters);
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
  doc.y =
    drawTitle(doc, t.title, t.subtitle, { size: PT.title, subtitleSize: PT.body, gap: 2, inset: 0.1 }) + 14;
  drawAddressees(doc, t);
  drawBody(doc, t);
  drawSignature(doc, t, qr);
  drawReceipt(doc, t);
  // Stamped afterwards, once we know how many pages the letter took: a draft that spills onto a
  // second page is marked there too, and continuation pages get a number.
  stampPages(doc, firstPage, t.draft);
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
  for (const f of t.fields) y = drawField(doc, f, box.left + indent, y + 1, box.width - indent, body);
  if (t.exemptLine) y = drawExempt(doc, t.exemptLine, y + 6);
  doc.y = y + 6;
  y = textAt(doc, t.request, box.left, doc.y, box.width, { ...body, indent, align: 'justify' });
  doc.y = y + 14;
}

/** Two short fields side by side (sex | date of birth) to keep the letter on one page. */
function drawFieldPair(doc: Pdf, a: Field, b: Field, y: number, indent: number): number {
  const box = contentBox(doc);
  const half = (box.width - indent) / 2;
  doc.y = y;
  ensureSpace(doc, textHeight(doc, 'X', half, body));
  const top = doc.y;
  const left = runsAt(doc, fieldRuns(doc, a, half - 8, body), box.left + indent, top, half - 8, body);
  const right = runsAt(doc, fieldRuns(doc, b, half, body), box.left + indent + half, top, half, body);
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
  if (t.verification && qr) ly = drawVerification(doc, t.verification, qr, box.left, ly + 6, leftW, QR);

  const s = t.signature;
  // Unsigned, the position line stays blank so the room to sign is where it will be.
  const block = { titles: [s.org, s.position ?? ' '], name: s.name };
  const ry = drawSignBlock(doc, block, rightX, top, rightW, sign);

  doc.y = Math.max(ly, ry) + 10;
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
    ly = drawField(doc, f, box.left, ly, leftW, body);
    for (let i = 1; !f.value && i < (f.blankLines ?? 1); i++) ly = dotLine(doc, box.left, ly + 2, leftW);
    ly += 2;
  }

  const block = { titles: [r.org], hint: r.hint, name: r.name };
  const ry = drawSignBlock(doc, block, box.left + leftW, top, box.width - leftW, receiptSign);
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
