/**
 * The criteria of the evaluation form in PDF: each criterion with all its levels side by side, a box
 * before each (ticked for the chosen one; drawn, as Noto Serif has no ballot-box glyphs), and the
 * justification of a rating in small print.
 */
import {
  contentBox,
  ensureSpace,
  runsAt,
  textAt,
  textHeight,
  type Pdf,
  type TextStyle,
} from '../../documents/pdf';
import type { CriterionText, FormText } from './evaluation-document-text';
import { INDENT, PT, body, labelW } from './evaluation-document-pdf-style';

export function drawCriteria(doc: Pdf, t: FormText): void {
  const box = contentBox(doc);
  let y = textAt(doc, t.ratingsLead, box.left, doc.y, box.width, { ...body, font: 'bold' });
  for (const c of t.criteria) y = drawCriterion(doc, c, y + 3);
  doc.y = y + 3;
}

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
