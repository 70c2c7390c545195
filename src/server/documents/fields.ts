/**
 * Labelled lines of a form ("Ngày sinh: 14/07/1985"), in PDF and DOCX: a missing value is printed as the
 * label followed by dots to fill in by hand. Shared by the introduction letter and the evaluation form.
 */
import { Paragraph, TabStopType, TextRun, type ParagraphChild } from 'docx';
import { dottedLine, run } from './docx';
import { dotFill, ensureSpace, runsAt, textHeight, type Pdf, type Run, type TextStyle } from './pdf';
import type { FontStyle } from './fonts';

export interface Field {
  label: string;
  /** null → a blank to fill in by hand */
  value: string | null;
  /** blank lines to leave when the value is missing (default 1) */
  blankLines?: number;
}

/** The runs of "Label: value", or of the label padded with dots to `width`. */
export function fieldRuns(doc: Pdf, f: Field, width: number, style: TextStyle, valueFont?: FontStyle): Run[] {
  const label = `${f.label}: `;
  return f.value
    ? [{ text: label }, { text: f.value, font: valueFont }]
    : [{ text: dotFill(doc, label, width, style) }];
}

/** One field at (x, y), on the next page unless a line of it fits here; returns the y below it. */
export function drawField(
  doc: Pdf,
  f: Field,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  valueFont?: FontStyle,
): number {
  doc.y = y;
  ensureSpace(doc, textHeight(doc, 'X', width, style));
  return runsAt(doc, fieldRuns(doc, f, width, style, valueFont), x, doc.y, width, style);
}

/** A field as Word paragraphs: "Label: value", or the label and dotted leaders to the right margin. */
export function fieldParagraphs(f: Field, left: number, keepNext?: boolean): Paragraph[] {
  if (f.value)
    return [
      new Paragraph({
        indent: { left },
        spacing: { before: 40 },
        children: [run(`${f.label}: `), run(f.value)],
      }),
    ];
  const extra = Array.from({ length: (f.blankLines ?? 1) - 1 }, () => dottedLine(left, [], keepNext));
  return [dottedLine(left, [run(`${f.label}: `)], keepNext), ...extra];
}

/** Two short fields on one line: `first`, then a tab stop at `tabAt` twips and `second`. */
export function fieldPairParagraph(
  first: ParagraphChild[],
  second: string,
  left: number,
  tabAt: number,
): Paragraph {
  return new Paragraph({
    indent: { left },
    spacing: { before: 40 },
    tabStops: [{ type: TabStopType.LEFT, position: tabAt }],
    children: [...first, new TextRun({ text: `\t${second}` })],
  });
}
