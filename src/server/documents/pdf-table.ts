/**
 * A figure table in PDF: thin borders, a bold header row shaded light grey, figures right-aligned.
 * Rows never split; a table that does not fit continues on the next page with its header row repeated,
 * as readers of a printed report expect to find the column names on every sheet.
 */
import { columnWidths, isFigureCell, rowCells } from './figure-table';
import type { FigureTable } from './official-report';
import { contentBox, textAt, textHeight, type Pdf, type TextStyle } from './pdf';

export interface PdfTableOptions {
  /** font size of the cells */
  size: number;
  /** printed above the table, italic and centred, and kept on the page of the first row */
  caption?: string;
  /**
   * Starts a new page of the same size and orientation. PDFKit's own addPage() without options
   * falls back to the document's (portrait) setup, which would turn a landscape annex portrait.
   */
  newPage: (doc: Pdf) => void;
}

const PAD_X = 3;
const PAD_Y = 2.5;
const LINE_WIDTH = 0.5;
const HEADER_FILL = '#e6e6e6';

interface Cell {
  text: string;
  align: 'left' | 'center' | 'right';
  /** height of the text alone */
  height: number;
}

interface Row {
  cells: Cell[];
  style: TextStyle;
  shaded: boolean;
  /** height with the padding */
  height: number;
}

function measure(
  doc: Pdf,
  texts: string[],
  aligns: Cell['align'][],
  widths: number[],
  style: TextStyle,
  shaded: boolean,
): Row {
  const cells = texts.map((text, i) => ({
    text,
    align: aligns[i]!,
    height: textHeight(doc, text, widths[i]! - 2 * PAD_X, style),
  }));
  return { cells, style, shaded, height: Math.max(...cells.map((c) => c.height)) + 2 * PAD_Y };
}

function drawRow(doc: Pdf, row: Row, x: number, y: number, widths: number[], maxHeight: number): number {
  // A row taller than a whole page (never with real figures) is cut rather than run off the sheet.
  const h = Math.min(row.height, maxHeight);
  let cx = x;
  row.cells.forEach((c, i) => {
    const w = widths[i]!;
    if (row.shaded) doc.rect(cx, y, w, h).fillColor(HEADER_FILL).fill();
    doc.save().lineWidth(LINE_WIDTH).rect(cx, y, w, h).stroke().restore();
    doc.fillColor('black');
    const room = h - 2 * PAD_Y;
    const top = y + PAD_Y + Math.max(0, (room - c.height) / 2);
    doc
      .font(row.style.font ?? 'regular')
      .fontSize(row.style.size)
      // `height` stops PDFKit from starting a page of its own; the 1 pt spares the last line from rounding.
      .text(c.text, cx + PAD_X, top, {
        width: w - 2 * PAD_X,
        height: Math.min(c.height, room) + 1,
        align: c.align,
        ellipsis: true,
      });
    cx += w;
  });
  return y + h;
}

/** Draws `t` from doc.y across the content width; leaves doc.y below the table. */
export function drawFigureTable(doc: Pdf, t: FigureTable, o: PdfTableOptions): void {
  const box = contentBox(doc);
  const widths = columnWidths(t, box.width);
  const regular: TextStyle = { size: o.size };
  const header = measure(
    doc,
    t.columns,
    t.columns.map(() => 'center'),
    widths,
    { ...regular, font: 'bold' },
    true,
  );
  const bold = new Set(t.boldRows ?? []);
  const rows = t.rows.map((r, i) =>
    measure(
      doc,
      rowCells(t, r),
      t.columns.map((_, c) => (isFigureCell(r[c] ?? '', c) ? 'right' : 'left')),
      widths,
      bold.has(i) ? { ...regular, font: 'bold' } : regular,
      false,
    ),
  );
  const captionStyle: TextStyle = { size: o.size + 0.5, font: 'italic', align: 'center' };
  const captionH = o.caption ? textHeight(doc, o.caption, box.width, captionStyle) + 3 : 0;
  const rowRoom = () => contentBox(doc).bottom - contentBox(doc).top - header.height;

  // The caption and the header row never stay behind at the foot of a page without a row under them.
  if (doc.y + captionH + header.height + (rows[0]?.height ?? 0) > box.bottom) o.newPage(doc);
  let y = doc.y;
  if (o.caption) {
    textAt(doc, o.caption, box.left, y, box.width, captionStyle);
    y += captionH;
  }
  y = drawRow(doc, header, box.left, y, widths, header.height);
  for (const row of rows) {
    if (y + Math.min(row.height, rowRoom()) > contentBox(doc).bottom) {
      o.newPage(doc);
      y = drawRow(doc, header, box.left, contentBox(doc).top, widths, header.height);
    }
    y = drawRow(doc, row, box.left, y, widths, rowRoom());
  }
  doc.x = box.left;
  doc.y = y;
}
