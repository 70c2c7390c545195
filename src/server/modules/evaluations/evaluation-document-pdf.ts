/**
 * The evaluation form as PDF: cell header on the left ("ĐẢNG BỘ PHƯỜNG …" / "CHI BỘ …"), "ĐẢNG CỘNG SẢN
 * VIỆT NAM" and the date on the right, the title of the rule set's form, the joint meeting with the Front
 * working committee, the member, every criterion with all its levels and the chosen one ticked, other
 * comments, the Front head's and the secretary's signatures, and the commune committee's confirmation with
 * the QR code of the confirmed form. Noto Serif has no ballot-box glyphs (☐ ☒), so the boxes are drawn.
 */
import { drawField } from '../../documents/fields';
import {
  drawPartyHeader,
  drawSignBlock as drawPartySignBlock,
  drawTitle as drawTitleLines,
  signBlockHeight,
  type SignBlock,
  type SignStyle,
} from '../../documents/party-header';
import {
  contentBox,
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
import { drawCriteria } from './evaluation-document-pdf-criteria';
import { INDENT, PT, body, labelW } from './evaluation-document-pdf-style';
import { formText, type EvaluationFormData, type FormText } from './evaluation-document-text';

const QR_SIZE = 78;
const SIGN_SPACE = 44; // room for a signature (and the commune's seal)
const sign: SignStyle = { size: PT.body, lineGap: 0.5, hintSize: PT.small, space: SIGN_SPACE };
const QR: PdfQrStyle = { qr: QR_SIZE, size: PT.tiny, textTop: 6, textInset: 6 };

export function renderEvaluationPdf(form: EvaluationFormData): Promise<Buffer> {
  return renderEvaluationsPdf([form]);
}

/** Several forms in one PDF, each starting on a new page (a cell's forms for the year). */
export async function renderEvaluationsPdf(forms: EvaluationFormData[]): Promise<Buffer> {
  if (forms.length === 0) throw new RangeError('renderEvaluationsPdf needs at least one form');
  const qrs = await qrPngs(forms);
  const texts = forms.map(formText);
  const { meta } = texts[0]!;
  const setup = {
    title: forms.length === 1 ? meta.title : `Phiếu nhận xét năm ${forms[0]!.year}`,
    author: meta.author,
    subject: 'Phiếu nhận xét đảng viên đang công tác giữ mối liên hệ với nơi cư trú (Quy định 213-QĐ/TW)',
  };
  return renderPdf(setup, (doc) => {
    texts.forEach((t, i) => drawForm(doc, t, qrs[i] ?? null));
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
  stampPages(doc, firstPage, t.draft);
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
  const title = { size: PT.title, subtitleSize: PT.subtitle, gap: 1, balanced: true };
  let y = drawTitleLines(doc, t.title, t.subtitle, title);
  y = textAt(doc, t.period, box.left, y + 1, box.width, { size: PT.body, font: 'italic', align: 'center' });
  doc.y = y + 8;
}

function drawPreamble(doc: Pdf, t: FormText): void {
  const box = contentBox(doc);
  const para: TextStyle = { ...body, indent: INDENT, align: 'justify' };
  let y = textAt(doc, t.basis, box.left, doc.y, box.width, { ...para, font: 'italic' });
  y = textAt(doc, t.meeting, box.left, y + 2, box.width, para);
  y = drawField(doc, t.participants, box.left + INDENT, y + 2, box.width - INDENT, body);
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
  const left = drawField(doc, t.memberName, box.left + INDENT, top, nameW - 6, body, 'bold');
  const right = drawField(
    doc,
    t.dateOfBirth,
    box.left + INDENT + nameW,
    top,
    box.width - INDENT - nameW,
    body,
  );
  y = Math.max(left, right);
  for (const f of t.fields) y = drawField(doc, f, box.left + INDENT, y + 1, box.width - INDENT, body);
  doc.y = y + 4;
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
    ly = drawVerification(doc, t.verification, qr, box.left, top + heading + 4, half - 10, QR);
  doc.y = Math.max(ly, ry);
}
