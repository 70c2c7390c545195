/**
 * Small PDFKit helpers shared by the generated documents (introduction letters, evaluation forms,
 * attendance registers, reports). They keep the document renderers about *what* goes on the page; the
 * bookkeeping of fonts, page space and buffers lives here.
 */
import PDFDocument from 'pdfkit';
import { fontFamilyPaths, fontStyles, type FontFamily, type FontStyle } from './fonts';
import { DRAFT_MARK } from './party-text';

export type Pdf = PDFKit.PDFDocument;

/** Millimetres to PDF points; administrative layouts are specified in mm. */
export const mm = (value: number): number => (value * 72) / 25.4;

export interface PdfSetup {
  title?: string;
  author?: string;
  subject?: string;
  family?: FontFamily;
  /** Page margins in points (A4 portrait is fixed). */
  margins?: { top: number; bottom: number; left: number; right: number };
}

// Vietnamese Party and State documents: left margin 30 mm (binding side), right 15 mm, top and bottom
// at the lower end of the 15–25 mm range so a letter with its receipt block fits on one sheet.
const defaultMargins = { top: mm(15), bottom: mm(15), left: mm(30), right: mm(15) };

/**
 * Create an A4 document, let `draw` fill it, and return the finished bytes.
 * Pages are buffered so a renderer can go back and stamp earlier pages (draft marks, page numbers).
 * The four styles of the family are registered under the style names ('regular', 'bold', …).
 */
export async function renderPdf(setup: PdfSetup, draw: (doc: Pdf) => void): Promise<Buffer> {
  const paths = fontFamilyPaths(setup.family ?? 'NotoSerif');
  const doc = new PDFDocument({
    size: 'A4',
    margins: setup.margins ?? defaultMargins,
    autoFirstPage: false,
    bufferPages: true,
    lang: 'vi-VN',
    info: { Title: setup.title, Author: setup.author, Subject: setup.subject, Creator: 'Residence Link' },
  });
  // The styles go in under their names and 'regular' is selected at once, so nothing is ever drawn in PDFKit's
  // Helvetica (no Vietnamese glyphs). Not the constructor's `font` option: a registered style whose font PDFKit
  // already holds under another key is re-read from disk and re-parsed on every doc.font() call (PDFKit 0.17
  // caches it only under the first key) — 12 s of a province's consolidated report went there.
  for (const style of fontStyles) doc.registerFont(style, paths[style]);
  doc.font('regular');
  const done = collect(doc);
  draw(doc);
  doc.end();
  return done;
}

function collect(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export interface TextStyle {
  font?: FontStyle;
  size: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  underline?: boolean;
  /** Extra points between wrapped lines. */
  lineGap?: number;
  /** First-line indent in points. */
  indent?: number;
}

/** The printable area of the current page. */
export function contentBox(doc: Pdf): {
  left: number;
  right: number;
  width: number;
  top: number;
  bottom: number;
} {
  const { width, height, margins } = doc.page;
  return {
    left: margins.left,
    right: width - margins.right,
    width: width - margins.left - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
  };
}

function apply(doc: Pdf, style: TextStyle): void {
  doc.font(style.font ?? 'regular').fontSize(style.size);
}

function textOptions(style: TextStyle, width: number): PDFKit.Mixins.TextOptions {
  return {
    width,
    align: style.align ?? 'left',
    underline: style.underline ?? false,
    lineGap: style.lineGap ?? 0,
    indent: style.indent ?? 0,
  };
}

/** Draw text in a box starting at (x, y); returns the y just below it. */
export function textAt(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
): number {
  apply(doc, style);
  doc.text(text, x, y, textOptions(style, width));
  return doc.y;
}

/** Height `text` would take in a box of `width`, without drawing it. */
export function textHeight(doc: Pdf, text: string, width: number, style: TextStyle): number {
  apply(doc, style);
  return doc.heightOfString(text, textOptions(style, width));
}

export interface Run {
  text: string;
  font?: FontStyle;
}

/**
 * One paragraph made of runs in different styles (e.g. a label and a bold value), flowing across
 * pages like ordinary text. PDFKit's `continued` chains the runs into one wrapped paragraph.
 */
export function runsAt(doc: Pdf, runs: Run[], x: number, y: number, width: number, style: TextStyle): number {
  runs.forEach((run, i) => {
    apply(doc, { ...style, font: run.font ?? style.font });
    const options = { ...textOptions(style, width), continued: i < runs.length - 1 };
    if (i === 0) doc.text(run.text, x, y, options);
    else doc.text(run.text, options);
  });
  return doc.y;
}

/** Start a new page unless `height` more points fit above the bottom margin. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > contentBox(doc).bottom) {
    doc.addPage();
  }
}

/** Pad `text` with dots up to `width`, the printed "fill in by hand" blank of paper forms. */
export function dotFill(doc: Pdf, text: string, width: number, style: TextStyle): string {
  apply(doc, style);
  const dot = doc.widthOfString('.');
  const room = width - doc.widthOfString(text) - 1;
  return text + '.'.repeat(Math.max(3, Math.floor(room / dot)));
}

/** A horizontal dashed rule across the content width, e.g. a tear-off line. */
export function dashedRule(doc: Pdf, y: number): void {
  const box = contentBox(doc);
  doc
    .save()
    .lineWidth(0.6)
    .dash(4, { space: 3 })
    .moveTo(box.left, y)
    .lineTo(box.right, y)
    .stroke()
    .undash()
    .restore();
}

/** Big diagonal pale text across the page, drawn over the content but translucent. */
export function watermark(doc: Pdf, text: string): void {
  const { width, height } = doc.page;
  doc.save();
  doc.font('bold').fontSize(96);
  const textWidth = doc.widthOfString(text);
  const textHeightPt = doc.currentLineHeight();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.fillColor('#b00000').fillOpacity(0.12);
  // lineBreak: false keeps PDFKit from wrapping or paginating this absolutely placed text.
  doc.text(text, width / 2 - textWidth / 2, height / 2 - textHeightPt / 2, { lineBreak: false });
  doc.restore();
  // restore() resets the PDF graphics state but not PDFKit's own colour memory, which it reuses for
  // underlines; without this the next underline on a later page comes out in the watermark colour.
  doc.fillColor('black').fillOpacity(1);
}

/** Page number centred in the top margin, Party style for the second and later pages of a document. */
export function topPageNumber(doc: Pdf, n: number): void {
  const { width, margins } = doc.page;
  doc.font('regular').fontSize(10);
  const label = String(n);
  doc.text(label, width / 2 - doc.widthOfString(label) / 2, margins.top / 2, { lineBreak: false });
}

/** Page indexes (0-based, within the buffered range) from `from` to the current last page. */
export function pagesSince(doc: Pdf, from: number): number[] {
  const { start, count } = doc.bufferedPageRange();
  const pages: number[] = [];
  for (let i = Math.max(from, start); i < start + count; i++) pages.push(i);
  return pages;
}

/** How many pages the document has so far. */
export function pageCount(doc: Pdf): number {
  const { start, count } = doc.bufferedPageRange();
  return start + count;
}

/**
 * Stamped once a document's length is known, on its pages from `from` on: the draft mark on every page
 * (a draft that spills onto a second page is marked there too) and a number on the second and later ones.
 */
export function stampPages(doc: Pdf, from: number, draft: boolean): void {
  pagesSince(doc, from).forEach((page, i) => {
    doc.switchToPage(page);
    if (draft) watermark(doc, DRAFT_MARK);
    if (i > 0) topPageNumber(doc, i + 1);
  });
}
