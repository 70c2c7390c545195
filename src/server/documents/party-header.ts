/**
 * PDF building blocks of the Party administrative layout, shared by the introduction letter, the
 * evaluation form and the reports: the two-column header (issuing organisation left, the nation and
 * the date right), a signature block ("T/M ĐẢNG ỦY" / "BÍ THƯ" / room to sign / name), the
 * "Nơi nhận" list, and a centred title broken evenly over two lines.
 */
import type { HeaderLine, SignBlock } from './party-text';
import { contentBox, dotFill, textAt, textHeight, type Pdf, type TextStyle } from './pdf';

export type { HeaderLine, SignBlock } from './party-text';

export interface PartyHeader {
  /** the left column, top to bottom, centred: e.g. superior (regular), issuer (bold), "*" */
  left: HeaderLine[];
  /** "Số 12-BC/ĐU" under the left column; the date line on the right starts level with it */
  number?: string;
  /** a short centred rule closing the left column (under the number when there is one) */
  rule?: boolean;
  nation: string;
  /** the place-and-date line under the nation; none on a register, which is not dated as a letter */
  dateLine?: string;
  sizes: { header: number; nation: number };
}

/** Draws the header at the top of the page's content box; returns the y below its taller column. */
export function drawPartyHeader(doc: Pdf, h: PartyHeader): number {
  const box = contentBox(doc);
  // 45 % for the organisation (its names are the longer ones), a 3 % gutter, the rest for the nation.
  const leftW = box.width * 0.45;
  const rightX = box.left + leftW + box.width * 0.03;
  const rightW = box.right - rightX;
  const centred: TextStyle = { size: h.sizes.header, align: 'center' };

  let y = box.top;
  for (const line of h.left)
    y = textAt(doc, line.text, box.left, y, leftW, line.bold ? { ...centred, font: 'bold' } : centred);
  const numberY = y;
  if (h.number !== undefined) y = textAt(doc, h.number, box.left, y, leftW, centred);
  if (h.rule) y = centredRule(doc, box.left + leftW / 2, y + 3, leftW * 0.3) + 2;

  let ry = textAt(doc, h.nation, rightX, box.top, rightW, {
    size: h.sizes.nation,
    font: 'bold',
    align: 'center',
    underline: true,
  });
  if (h.dateLine === undefined) return Math.max(y, ry);
  // The "Số" line and the date line share a line, however the names above them wrap.
  const dateY = h.number !== undefined ? Math.max(numberY, ry + 6) : ry + 6;
  ry = textAt(doc, h.dateLine, rightX, dateY, rightW, { ...centred, font: 'italic' });
  return Math.max(y, ry);
}

/** A thin horizontal rule of `width` centred on `cx`; returns the y below it. */
export function centredRule(doc: Pdf, cx: number, y: number, width: number): number {
  doc
    .save()
    .lineWidth(0.6)
    .moveTo(cx - width / 2, y)
    .lineTo(cx + width / 2, y)
    .stroke()
    .restore();
  return y + 0.6;
}

export interface SignStyle {
  size: number;
  /** extra points between wrapped lines of the dotted blank */
  lineGap: number;
  hintSize: number;
  /** room left for the signature and the seal */
  space: number;
  /** keep a blank line where the date goes, so blocks side by side line up */
  dateSlot?: boolean;
  /** the dotted blank for a missing name: its share of the column (default 0.6) and its size (default `size`) */
  dots?: { share: number; size?: number };
}

/** One signature block in a column; returns the y below the name. */
export function drawSignBlock(
  doc: Pdf,
  b: SignBlock,
  x: number,
  y: number,
  width: number,
  s: SignStyle,
): number {
  const sign: TextStyle = { size: s.size, font: 'bold', align: 'center' };
  let cy = y;
  if (b.date) cy = textAt(doc, b.date, x, cy, width, { size: s.size, font: 'italic', align: 'center' });
  else if (s.dateSlot) cy += textHeight(doc, 'X', width, sign);
  for (const title of b.titles) cy = textAt(doc, title, x, cy, width, sign);
  if (b.hint) cy = textAt(doc, b.hint, x, cy, width, { size: s.hintSize, font: 'italic', align: 'center' });
  cy += s.space;
  if (b.name) return textAt(doc, b.name, x, cy, width, sign);
  const dots: TextStyle = { size: s.dots?.size ?? s.size, lineGap: s.lineGap };
  const blank = dotFill(doc, '', width * (s.dots?.share ?? 0.6), dots);
  return textAt(doc, blank, x, cy, width, { ...dots, align: 'center' });
}

/** What drawSignBlock takes (without the date slot), to keep the block on one page. */
export function signBlockHeight(doc: Pdf, b: SignBlock, width: number, s: SignStyle): number {
  const line = textHeight(doc, 'X', width, { size: s.size, font: 'bold' });
  const hint = b.hint ? textHeight(doc, b.hint, width, { size: s.hintSize, font: 'italic' }) : 0;
  return (b.date ? line : 0) + b.titles.length * line + hint + s.space + line;
}

export const RECIPIENTS_LABEL = 'Nơi nhận:';

/** "Nơi nhận:" (bold italic) and the lines as given, in small print; returns the y below them. */
export function drawRecipients(
  doc: Pdf,
  lines: string[],
  x: number,
  y: number,
  width: number,
  size: number,
): number {
  let ly = textAt(doc, RECIPIENTS_LABEL, x, y, width, { size, font: 'boldItalic' });
  for (const line of lines) ly = textAt(doc, line, x, ly, width, { size });
  return ly;
}

export function recipientsHeight(doc: Pdf, lines: string[], width: number, size: number): number {
  return lines.reduce(
    (h, line) => h + textHeight(doc, line, width, { size }),
    textHeight(doc, RECIPIENTS_LABEL, width, { size, font: 'boldItalic' }),
  );
}

export interface TitleStyle {
  size: number;
  subtitleSize: number;
  /** points between the title and the subtitle */
  gap: number;
  /** share of the width kept clear on each side of the subtitle (default 0) */
  inset?: number;
  /** break a two-line subtitle evenly (balancedTitle) */
  balanced?: boolean;
}

/** The bold centred title from doc.y and, under it, the bold subtitle if any; returns the y below them. */
export function drawTitle(doc: Pdf, title: string, subtitle: string | null, s: TitleStyle): number {
  const box = contentBox(doc);
  const y = textAt(doc, title, box.left, doc.y, box.width, { size: s.size, font: 'bold', align: 'center' });
  if (!subtitle) return y;
  const inset = box.width * (s.inset ?? 0);
  const width = box.width - 2 * inset;
  const style: TextStyle = { size: s.subtitleSize, font: 'bold', align: 'center' };
  const text = s.balanced ? balancedTitle(doc, subtitle, width, style) : subtitle;
  return textAt(doc, text, box.left + inset, y + s.gap, width, style);
}

// A title is broken before one of these words (in any case) when that keeps its two lines about even.
const BREAK_BEFORE = new Set(['VỚI', 'VÀ', 'CỦA', 'TẠI', 'Ở', 'TRONG']);

/**
 * A centred title that needs two lines reads best broken near the middle, and never inside a phrase
 * like "MỐI LIÊN HỆ": pick the most even break, preferring one before a linking word. Returns the text
 * with a line break in it, or as given when it fits on one line (or no break fits).
 */
export function balancedTitle(doc: Pdf, text: string, width: number, style: TextStyle): string {
  doc.font(style.font ?? 'regular').fontSize(style.size);
  if (doc.widthOfString(text) <= width) return text;
  const words = text.split(' ');
  const options = words.slice(1).map((word, i) => {
    const a = words.slice(0, i + 1).join(' ');
    const b = words.slice(i + 1).join(' ');
    const wa = doc.widthOfString(a);
    const wb = doc.widthOfString(b);
    return {
      text: `${a}\n${b}`,
      fits: wa <= width && wb <= width,
      spread: Math.abs(wa - wb),
      linking: BREAK_BEFORE.has(word.toLocaleUpperCase('vi-VN')),
    };
  });
  const fitting = options.filter((o) => o.fits).sort((p, q) => p.spread - q.spread);
  if (fitting.length === 0) return text;
  const linking = fitting.find((o) => o.linking && o.spread <= width * 0.35);
  return (linking ?? fitting[0]!).text;
}
