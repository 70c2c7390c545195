/**
 * The evaluation form as Word, with the content and order of the PDF (evaluation-document-pdf.ts). Times
 * New Roman has no ballot boxes, so the DOCX writes ☐ ☒ in a symbol font.
 */
import {
  AlignmentType,
  BorderStyle,
  LeaderType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import {
  CONTENT_W,
  DX,
  DX_INDENT,
  borderlessTable,
  cell,
  dottedLine,
  draftMark,
  para,
  partyHeaderTable,
  renderDocx,
  run,
  signBlockParagraphs,
  type Block,
} from '../../documents/docx';
import { fieldPairParagraph, fieldParagraphs, type Field } from '../../documents/fields';
import type { SignBlock } from '../../documents/party-text';
import { qrPng, verificationParagraphs } from '../../documents/qr';
import {
  BLANK,
  formText,
  type CriterionText,
  type EvaluationFormData,
  type FormText,
} from './evaluation-document-text';

// Times New Roman has no ballot boxes (☐ ☒); this font has them, and Word or LibreOffice substitute one that does.
const BOX_FONT = 'Segoe UI Symbol';

export async function renderEvaluationDocx(form: EvaluationFormData): Promise<Buffer> {
  const t = formText(form);
  const qr = form.verification ? await qrPng(form.verification.url) : null;
  return renderDocx({ title: t.meta.title }, [{ children: docxChildren(t, qr) }]);
}

function docxChildren(t: FormText, qr: Buffer | null): FileChild[] {
  return [
    ...(t.draft ? [draftMark()] : []),
    docxHeader(t),
    para([run(t.title, { bold: true, size: DX.body + 2 })], { align: 'center', before: 360 }),
    ...(t.subtitle ? [para([run(t.subtitle, { bold: true })], { align: 'center' })] : []),
    para([run(t.period, { italics: true })], { align: 'center', after: 240 }),
    para([run(t.basis, { italics: true })], { align: 'both', indent: true }),
    para([run(t.meeting)], { align: 'both', indent: true, before: 60 }),
    ...fieldParagraphs(t.participants, DX_INDENT, true),
    para([run(t.lead)], { indent: true, before: 120 }),
    docxFieldPair(t.memberName, t.dateOfBirth),
    ...t.fields.flatMap((f) => fieldParagraphs(f, DX_INDENT, true)),
    para([run(t.ratingsLead, { bold: true })], { before: 120 }),
    ...t.criteria.flatMap(docxCriterion),
    ...docxOther(t.other),
    ...(t.checks ? docxChecks(t.checks) : []),
    docxSignatures(t, qr),
  ];
}

function docxHeader(t: FormText): Table {
  return partyHeaderTable({
    left: [{ text: t.commune }, { text: t.cell, bold: true }, { text: '*' }],
    nation: t.nation,
    dateLine: t.dateLine,
    cantSplit: true,
  });
}

/** Name and date of birth on one line (a tab stop at 62% of the line). */
function docxFieldPair(a: Field, b: Field): Paragraph {
  const mid = DX_INDENT + Math.round((CONTENT_W - DX_INDENT) * 0.62);
  const name = [run(`${a.label}: `), run(a.value ?? BLANK, { bold: true })];
  return fieldPairParagraph(name, `${b.label}: ${b.value ?? BLANK}`, DX_INDENT, mid);
}

/** The criterion as a hanging paragraph, then its levels in a row of even cells (labels wrap inside their cell). */
function docxCriterion(c: CriterionText): Block[] {
  const left = DX_INDENT;
  const n = Math.max(c.levels.length, 1);
  const colW = Math.floor((CONTENT_W - left) / n);
  const levels = borderlessTable(
    [
      c.levels.map((l) =>
        cell(
          [
            para([run(l.chosen ? '☒' : '☐', { font: BOX_FONT }), run(` ${l.label}`, { bold: l.chosen })], {
              before: 20,
            }),
          ],
          colW,
        ),
      ),
    ],
    c.levels.map(() => colW),
    { indent: left, tight: true, cantSplit: true },
  );
  return [
    new Paragraph({
      indent: { left, hanging: left },
      spacing: { before: 100 },
      keepNext: true,
      keepLines: true,
      tabStops: [{ type: TabStopType.LEFT, position: left }],
      children: [run(c.number, { bold: true }), new TextRun({ text: `\t${c.label}` })],
    }),
    levels,
    ...(c.justification
      ? [
          para(
            [
              run('Giải trình: ', { bold: true, italics: true, size: DX.small }),
              run(c.justification, { italics: true, size: DX.small }),
            ],
            { left, before: 20 },
          ),
        ]
      : []),
  ];
}

function docxOther(o: FormText['other']): Paragraph[] {
  const left = DX_INDENT;
  const first = new Paragraph({
    indent: { left, hanging: left },
    spacing: { before: 100 },
    keepNext: true,
    tabStops: [
      { type: TabStopType.LEFT, position: left },
      ...(o.text ? [] : [{ type: TabStopType.RIGHT, position: CONTENT_W, leader: LeaderType.DOT }]),
    ],
    alignment: AlignmentType.BOTH,
    children: [
      run(o.number, { bold: true }),
      new TextRun({ text: `\t${o.label} ` }),
      ...(o.text ? [run(o.text)] : [new TextRun({ text: '\t' })]),
    ],
  });
  return o.text ? [first] : [first, dottedLine(left, [], true)];
}

/** The notes in a dashed frame: paragraphs with the same border join into one box in Word. */
function docxChecks(c: NonNullable<FormText['checks']>): Paragraph[] {
  const dashed = { style: BorderStyle.DASHED, size: 6, color: '000000', space: 4 };
  const framed = (children: ParagraphChild[], before: number) =>
    new Paragraph({
      border: { top: dashed, bottom: dashed, left: dashed, right: dashed },
      indent: { left: 80, right: 80 },
      spacing: { before, after: 0 },
      keepNext: true,
      children,
    });
  return [
    framed([run(`${c.heading}:`, { bold: true, italics: true, size: DX.small })], 120),
    ...c.lines.map((l) => framed([run(l, { italics: true, size: DX.small })], 0)),
  ];
}

function docxSignBlock(b: SignBlock, dateSlot: boolean, keepNext = false): Paragraph[] {
  return signBlockParagraphs(b, { space: 900, dateSlot, keepNext }); // room to sign (and for the commune's seal)
}

/**
 * The signatures in one table: the Front head and the secretary side by side, then the QR code and the
 * commune's confirmation (a little wider than half, for its heading). Rows never split, and the first
 * keeps with the second, so the confirmation never lands alone on a page.
 */
function docxSignatures(t: FormText, qr: Buffer | null): Table {
  const half = Math.round(CONTENT_W / 2);
  const qrW = Math.round(CONTENT_W * 0.42);
  const widths = [qrW, half - qrW, CONTENT_W - half];
  const dateSlot = Boolean(t.front.date || t.cellSign.date);
  const c = t.confirmation;
  const verification: Block[] =
    t.verification && qr ? verificationParagraphs(t.verification, qr, { before: 240, px: 104 }) : [para([])];
  const span = (children: Block[], width: number, columnSpan: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      columnSpan,
      verticalAlign: VerticalAlign.TOP,
    });
  return new Table({
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          span(
            [para([], { before: 200, keepNext: true }), ...docxSignBlock(t.front, dateSlot, true)],
            half,
            2,
          ),
          span(
            [para([], { before: 200, keepNext: true }), ...docxSignBlock(t.cellSign, dateSlot, true)],
            CONTENT_W - half,
            1,
          ),
        ],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          span(verification, qrW, 1),
          span(
            [
              para([run(c.heading, { bold: true })], { align: 'center', before: 240 }),
              ...docxSignBlock(c.block, false),
            ],
            CONTENT_W - qrW,
            2,
          ),
        ],
      }),
    ],
    width: { size: CONTENT_W, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}
