/**
 * A Party committee's report (báo cáo) as PDF, in the layout of the introduction letter: the Party
 * header, the centred title, the sections with their figure tables, the signature with "Nơi nhận",
 * then each annex on a page of its own (landscape when its table is wide).
 */
import { isWide } from './figure-table';
import type { FigureTable, OfficialReport, ReportSection } from './official-report';
import {
  centredRule,
  drawPartyHeader,
  drawRecipients,
  drawSignBlock,
  drawTitle,
  recipientsHeight,
  signBlockHeight,
  type SignBlock,
  type SignStyle,
} from './party-header';
import {
  NATION,
  ON_BEHALF_OF_COMMITTEE,
  numberLine,
  placeDateLine,
  signerTitle,
  upperVi,
} from './party-text';
import { drawFigureTable } from './pdf-table';
import {
  contentBox,
  ensureSpace,
  renderPdf,
  stampPages,
  textAt,
  textHeight,
  type Pdf,
  type TextStyle,
} from './pdf';

const PT = {
  header: 11.5,
  nation: 12.5,
  title: 15,
  subtitle: 13,
  heading: 12.5,
  body: 12.5,
  table: 10.5,
  wideTable: 9,
  caption: 11,
  small: 10.5,
};
const INDENT = 28; // about 10 mm, the first-line indent of Party documents
const body: TextStyle = { size: PT.body, lineGap: 1.5 };
const paragraph: TextStyle = { ...body, indent: INDENT, align: 'justify' };
const sign: SignStyle = { size: PT.body, lineGap: body.lineGap!, hintSize: PT.small, space: 62 };

export async function renderOfficialReportPdf(report: OfficialReport): Promise<Buffer> {
  const setup = { title: report.meta.title, author: report.meta.author, subject: report.subtitle };
  return renderPdf(setup, (doc) => {
    doc.addPage();
    drawHeader(doc, report);
    drawReportTitle(doc, report);
    // The signature never stands alone on a page: the last paragraph goes over with it.
    const tail = SIGNATURE_GAP + signatureHeight(doc, report);
    report.sections.forEach((s, i) => drawSection(doc, s, i === report.sections.length - 1 ? tail : 0));
    drawSignature(doc, report);
    for (const annex of report.annexes) drawAnnex(doc, annex);
    // Stamped last, once the length is known: Party documents number pages from the second on.
    stampPages(doc, 0, report.draft);
  });
}

function drawHeader(doc: Pdf, r: OfficialReport): void {
  const bottom = drawPartyHeader(doc, {
    left: [
      ...(r.superiorName ? [{ text: upperVi(r.superiorName) }] : []),
      { text: upperVi(r.issuerName), bold: true },
    ],
    number: numberLine(r.draft ? null : r.number, 'BC/ĐU'),
    rule: true,
    nation: NATION,
    dateLine: placeDateLine(r.place, r.date),
    sizes: { header: PT.header, nation: PT.nation },
  });
  doc.y = bottom + 22;
}

function drawReportTitle(doc: Pdf, r: OfficialReport): void {
  const box = contentBox(doc);
  const title = { size: PT.title, subtitleSize: PT.subtitle, gap: 2, inset: 0.08, balanced: true };
  const y = drawTitle(doc, r.title, r.subtitle, title);
  centredRule(doc, box.left + box.width / 2, y + 5, box.width * 0.22);
  doc.y = y + 20;
}

const lineHeight = (doc: Pdf, style: TextStyle) => textHeight(doc, 'X', contentBox(doc).width, style);

/** `keepLastWith`: points that must follow the last paragraph on its page (0: nothing to keep). */
function drawParagraphs(doc: Pdf, paragraphs: string[], keepLastWith = 0): void {
  const box = contentBox(doc);
  paragraphs.forEach((text, i) => {
    // No paragraph starts on the last line of a page (a typographer's orphan).
    ensureSpace(doc, 2 * lineHeight(doc, paragraph));
    if (keepLastWith > 0 && i === paragraphs.length - 1) {
      const h = textHeight(doc, text, box.width, paragraph);
      // only a short paragraph moves whole; a long one still fills its page
      if (h + keepLastWith < (box.bottom - box.top) / 2) ensureSpace(doc, h + 4 + keepLastWith);
    }
    doc.y = textAt(doc, text, box.left, doc.y, box.width, paragraph) + 4;
  });
}

/** `tail`: what must follow the section on its last page (see drawParagraphs). */
function drawSection(doc: Pdf, s: ReportSection, tail: number): void {
  const box = contentBox(doc);
  const heading: TextStyle = { size: PT.heading, font: 'bold', align: 'justify', lineGap: 1.5 };
  doc.y += 6;
  // The heading stays with at least two lines of what follows it.
  ensureSpace(doc, textHeight(doc, s.heading, box.width, heading) + 2 * lineHeight(doc, body));
  doc.y = textAt(doc, s.heading, box.left, doc.y, box.width, heading) + 4;
  const closing = s.closing ?? [];
  drawParagraphs(doc, s.paragraphs, s.tables.length === 0 && closing.length === 0 ? tail : 0);
  for (const { caption, table } of s.tables) {
    doc.y += 4;
    drawFigureTable(doc, table, { size: PT.table, caption, newPage: (d) => d.addPage() });
    doc.y += 8;
  }
  drawParagraphs(doc, closing, tail);
}

function signBlock(r: OfficialReport): SignBlock {
  // Unsigned: the position line stays (blank) so the room to sign is where it will be.
  return {
    titles: [ON_BEHALF_OF_COMMITTEE, r.signer ? signerTitle(r.signer.position) : ' '],
    name: r.signer?.name ?? null,
  };
}

const recipientLines = (r: OfficialReport) => r.recipients.map((line) => `- ${line}`);

const SIGNATURE_GAP = 10;

function signatureHeight(doc: Pdf, r: OfficialReport): number {
  const half = contentBox(doc).width / 2;
  return Math.max(
    2 + recipientsHeight(doc, recipientLines(r), half - 10, PT.small),
    signBlockHeight(doc, signBlock(r), half, sign),
  );
}

/** "Nơi nhận" on the left, the committee's signature on the right, level with each other. */
function drawSignature(doc: Pdf, r: OfficialReport): void {
  const box = contentBox(doc);
  const leftW = box.width * 0.5;
  const rightW = box.width - leftW;
  const block = signBlock(r);
  const lines = recipientLines(r);
  doc.y += SIGNATURE_GAP;
  ensureSpace(doc, signatureHeight(doc, r));
  const top = doc.y;
  const ly = drawRecipients(doc, lines, box.left, top + 2, leftW - 10, PT.small);
  const ry = drawSignBlock(doc, block, box.left + leftW, top, rightW, sign);
  doc.x = box.left;
  doc.y = Math.max(ly, ry);
}

function drawAnnex(doc: Pdf, annex: { title: string; subtitle?: string; table: FigureTable }): void {
  const wide = isWide(annex.table);
  // The same margins as the body (binding side left); a continuation page keeps the orientation.
  const margins = { ...doc.page.margins };
  const newPage = (d: Pdf) => d.addPage({ size: 'A4', layout: wide ? 'landscape' : 'portrait', margins });
  newPage(doc);
  const box = contentBox(doc);
  let y = textAt(doc, annex.title, box.left, box.top, box.width, {
    size: PT.subtitle,
    font: 'bold',
    align: 'center',
  });
  if (annex.subtitle)
    y = textAt(doc, annex.subtitle, box.left, y + 2, box.width, {
      size: PT.body,
      font: 'italic',
      align: 'center',
    });
  doc.y = y + 12;
  drawFigureTable(doc, annex.table, { size: wide ? PT.wideTable : PT.table, newPage });
}
