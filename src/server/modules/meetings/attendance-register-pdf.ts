/**
 * The attendance register as PDF. Layout: Party administrative style header (cell left, "ĐẢNG CỘNG SẢN
 * VIỆT NAM" right), centred title, the meeting's particulars, then a ruled table whose header row repeats
 * on every page, the totals and the cell secretary's signature.
 */
import {
  drawPartyHeader,
  drawSignBlock,
  drawTitle,
  signBlockHeight,
  type SignStyle,
} from '../../documents/party-header';
import {
  contentBox,
  ensureSpace,
  renderPdf,
  runsAt,
  stampPages,
  textAt,
  textHeight,
  type Pdf,
  type TextStyle,
} from '../../documents/pdf';
import {
  registerText,
  type AttendanceRegisterData,
  type RegisterCell,
  type RegisterText,
} from './attendance-register-text';

const PT = { header: 11.5, nation: 12.5, title: 14, subtitle: 12, body: 11.5, table: 9, small: 9 };
const body: TextStyle = { size: PT.body, lineGap: 1 };
const cellStyle: TextStyle = { size: PT.table, lineGap: 0.5 };
const headStyle: TextStyle = { size: PT.table, font: 'bold', align: 'center', lineGap: 0.5 };
const PAD = { x: 3, y: 3 };
// room for the signature and the seal; the dots for a missing name in body type
const sign: SignStyle = {
  size: PT.body + 0.5,
  lineGap: 1,
  hintSize: PT.small,
  space: 56,
  dots: { share: 0.6, size: PT.body },
};

/** Share of the content width of each column, in the order of RegisterText.columns. */
const COLUMNS: { share: number; align?: 'left' | 'center' }[] = [
  { share: 0.05, align: 'center' },
  { share: 0.21 },
  { share: 0.185 },
  { share: 0.17 },
  // Wide enough for "Vắng không lý do" in bold on one line at 9 pt.
  { share: 0.185 },
  { share: 0.2 },
];

export function renderAttendanceRegisterPdf(data: AttendanceRegisterData): Promise<Buffer> {
  const t = registerText(data);
  return renderPdf(t.meta, (doc) => {
    doc.addPage();
    const bottom = drawPartyHeader(doc, {
      left: t.left,
      nation: t.nation,
      sizes: { header: PT.header, nation: PT.nation },
    });
    doc.y = bottom + 14;
    doc.y = drawTitle(doc, t.title, t.subtitle, { size: PT.title, subtitleSize: PT.subtitle, gap: 2 }) + 12;
    drawParticulars(doc, t);
    // The last row goes over with the totals and the signature rather than leaving them on a
    // page of their own: a signature page with no names on it could be swapped.
    drawTable(doc, t, totalsHeight(doc, t) + signatureHeight(doc, t));
    drawTotals(doc, t);
    drawSignature(doc, t);
    // Continuation pages carry a number in the top margin, Party style.
    stampPages(doc, 0, false);
  });
}

function drawParticulars(doc: Pdf, t: RegisterText): void {
  const box = contentBox(doc);
  let y = doc.y;
  for (const { label, value } of t.particulars) {
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

function rowHeight(doc: Pdf, cells: RegisterCell[], style: TextStyle): number {
  const cols = columnGeometry(doc);
  const heights = cells.map((c, i) =>
    textHeight(doc, c.text || ' ', cols[i]!.width - 2 * PAD.x, { ...style, font: c.font ?? style.font }),
  );
  return Math.max(...heights) + 2 * PAD.y;
}

/** One ruled row at doc.y; returns nothing but leaves doc.y below it. */
function drawRow(doc: Pdf, cells: RegisterCell[], style: TextStyle, shade: string | null): void {
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

const headerCells = (t: RegisterText): RegisterCell[] => t.columns.map((text) => ({ text }));

function drawTableHeader(doc: Pdf, t: RegisterText): void {
  drawRow(doc, headerCells(t), headStyle, '#e6e6e6');
}

/**
 * The table, its header row repeated at the top of every page it runs onto; `tail` is the height
 * that must fit below the last row.
 */
function drawTable(doc: Pdf, t: RegisterText, tail: number): void {
  const headerH = rowHeight(doc, headerCells(t), headStyle);
  const box = contentBox(doc);
  // Never leave the header alone at the foot of a page.
  const firstH = t.rows.length > 0 ? rowHeight(doc, t.rows[0]!, cellStyle) : 20;
  ensureSpace(doc, headerH + firstH);
  drawTableHeader(doc, t);

  if (t.rows.length === 0) {
    const h = textHeight(doc, 'X', box.width, cellStyle) + 2 * PAD.y + 6;
    const top = doc.y;
    textAt(doc, t.empty, box.left, top + PAD.y + 3, box.width, {
      ...cellStyle,
      font: 'italic',
      align: 'center',
    });
    doc.save().lineWidth(0.6).rect(box.left, top, box.width, h).stroke().restore();
    doc.y = top + h;
    return;
  }

  t.rows.forEach((cells, i) => {
    const h = rowHeight(doc, cells, cellStyle);
    const keep = i === t.rows.length - 1 ? tail : 0;
    if (doc.y + h + keep > contentBox(doc).bottom) {
      doc.addPage();
      // Leave room for the page number stamped in the top margin afterwards.
      doc.y = contentBox(doc).top;
      drawTableHeader(doc, t);
    }
    drawRow(doc, cells, cellStyle, null);
  });
}

const totalsStyle: TextStyle = { ...body, size: PT.body - 0.5 };
const GAP = { beforeTotals: 10, afterTotals: 12 };

function totalsHeight(doc: Pdf, t: RegisterText): number {
  const { width } = contentBox(doc);
  const first = textHeight(doc, t.totals.label + t.totals.line, width, { ...totalsStyle, font: 'bold' });
  return GAP.beforeTotals + first + 2 + textHeight(doc, t.rate, width, totalsStyle) + GAP.afterTotals;
}

function drawTotals(doc: Pdf, t: RegisterText): void {
  const box = contentBox(doc);
  doc.y += GAP.beforeTotals;
  ensureSpace(doc, totalsHeight(doc, t) - GAP.beforeTotals);
  const runs = [{ text: t.totals.label, font: 'bold' as const }, { text: t.totals.line }];
  let y = runsAt(doc, runs, box.left, doc.y, box.width, totalsStyle);
  y = textAt(doc, t.rate, box.left, y + 2, box.width, totalsStyle);
  doc.y = y + GAP.afterTotals;
}

function signatureHeight(doc: Pdf, t: RegisterText): number {
  return signBlockHeight(doc, t.sign, contentBox(doc).width / 2, sign) + 4;
}

/** Print stamp on the left; "T/M CHI BỘ / BÍ THƯ", room to sign, and the name on the right. */
function drawSignature(doc: Pdf, t: RegisterText): void {
  const box = contentBox(doc);
  const leftW = box.width * 0.5;
  ensureSpace(doc, signatureHeight(doc, t));
  const top = doc.y;
  if (t.printed) textAt(doc, t.printed, box.left, top, leftW, { size: PT.small, font: 'italic' });
  doc.y = drawSignBlock(doc, t.sign, box.left + leftW, top, box.width - leftW, sign);
}
