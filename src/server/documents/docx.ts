/**
 * DOCX building blocks of the Party administrative layout, shared by the introduction letter, the
 * evaluation form and the reports: A4 pages with the PDF's margins, paragraph and run shorthands, the
 * draft mark, the borderless two-column header, the signature block and "Nơi nhận", and the document.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LeaderType,
  Packer,
  PageNumber,
  PageOrientation,
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
import { DRAFT_MARK, type HeaderLine, type SignBlock } from './party-text';

// Word users in Vietnamese offices have Times New Roman; Decree 30 and Party guidance use it too.
export const DOCX_FONT = 'Times New Roman';
export const halfPoints = (pt: number): number => pt * 2; // docx sizes are half-points
export const twip = (mmValue: number): number => Math.round((mmValue * 1440) / 25.4);
// A4 with the same margins as the PDF, so both print alike. (Word measures tab stops from the margin.)
export const PAGE = {
  width: 11906,
  height: 16838,
  top: twip(15),
  bottom: twip(15),
  left: twip(30),
  right: twip(15),
};
export const CONTENT_W = PAGE.width - PAGE.left - PAGE.right;
/** the line length of a landscape A4 page with the same margins */
export const LANDSCAPE_CONTENT_W = PAGE.height - PAGE.left - PAGE.right;
export const DX = { header: 13, body: 13, small: 11, tiny: 9 };
export const DX_INDENT = twip(10);

/** What a table cell may hold. */
export type Block = Paragraph | Table;

export interface ParaOptions {
  align?: 'left' | 'center' | 'right' | 'both';
  /** first-line indent of body text */
  indent?: boolean;
  left?: number;
  before?: number;
  after?: number;
  /** Word's "keep with next"; passed through as given (false is written out, unset is not) */
  keepNext?: boolean;
}

export function para(children: ParagraphChild[], o: ParaOptions = {}): Paragraph {
  const alignment = {
    left: AlignmentType.LEFT,
    center: AlignmentType.CENTER,
    right: AlignmentType.RIGHT,
    both: AlignmentType.BOTH,
  }[o.align ?? 'left'];
  return new Paragraph({
    children,
    alignment,
    indent: o.indent ? { firstLine: DX_INDENT } : o.left ? { left: o.left } : undefined,
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
    keepNext: o.keepNext,
  });
}

export interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  /** points */
  size?: number;
  underline?: boolean;
  font?: string;
}

export function run(text: string, o: RunOptions = {}): TextRun {
  return new TextRun({
    text,
    bold: o.bold,
    italics: o.italics,
    font: o.font,
    size: o.size ? halfPoints(o.size) : undefined,
    underline: o.underline ? {} : undefined,
  });
}

/** Word has no watermark API in `docx`; a framed line at the top makes a draft unmistakable. */
export function draftMark(): Paragraph {
  const border = { style: BorderStyle.SINGLE, size: 8, color: 'B00000', space: 2 };
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    border: { top: border, bottom: border, left: border, right: border },
    spacing: { after: 120 },
    children: [new TextRun({ text: DRAFT_MARK, bold: true, color: 'B00000' })],
  });
}

export function cell(children: Block[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
  });
}

export interface LayoutTableOptions {
  indent?: number;
  /** no cell padding but a little on the right */
  tight?: boolean;
  /** rows never split across pages */
  cantSplit?: boolean;
}

/** A layout table: no borders, fixed column widths. */
export function borderlessTable(rows: TableCell[][], widths: number[], o: LayoutTableOptions = {}): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    rows: rows.map((cells) => new TableRow({ children: cells, cantSplit: o.cantSplit })),
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    indent: o.indent ? { size: o.indent, type: WidthType.DXA } : undefined,
    margins: o.tight ? { top: 0, bottom: 0, left: 0, right: 60 } : undefined,
  });
}

/** A line with dotted leaders to the right margin, to fill in by hand. */
export function dottedLine(left: number, children: ParagraphChild[], keepNext?: boolean): Paragraph {
  return new Paragraph({
    indent: { left },
    keepNext,
    spacing: { before: 40 },
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_W, leader: LeaderType.DOT }],
    children: [...children, new TextRun({ text: '\t' })],
  });
}

/** A short centred rule, as under the title or closing the header's left column (`within` a cell). */
export function ruleParagraph(
  width: number,
  o: { before?: number; after?: number; within?: number } = {},
): Paragraph {
  const side = Math.max(0, Math.round(((o.within ?? CONTENT_W) - width) / 2));
  return new Paragraph({
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 120, lineRule: 'exact' },
    children: [],
  });
}

export interface DocxPartyHeader {
  left: HeaderLine[];
  /** "Số …": when given, it shares a row with the date line, however the names above wrap */
  number?: string;
  /** blocks closing the left column (e.g. a short rule), under the number when there is one */
  leftEnd?: Block[];
  nation: string;
  dateLine: string;
  /** points (default DX.header); the nation line is a point larger */
  size?: number;
  /** rows never split across pages */
  cantSplit?: boolean;
}

/** Width of the header's left column, e.g. to size what goes in `leftEnd`. */
export const HEADER_LEFT_W = Math.round(CONTENT_W * 0.45);

/** The borderless two-column header: organisation left, nation and date right. */
export function partyHeaderTable(h: DocxPartyHeader): Table {
  const leftW = HEADER_LEFT_W;
  const rightW = CONTENT_W - leftW;
  const size = h.size ?? DX.header;
  const centred = (line: HeaderLine) =>
    para([run(line.text, { bold: line.bold, size })], { align: 'center' });
  const nation = (after?: number) =>
    para([run(h.nation, { bold: true, size: size + 1, underline: true })], { align: 'center', after });
  const date = para([run(h.dateLine, { italics: true, size })], { align: 'center' });
  const end = h.leftEnd ?? [];
  const o = { cantSplit: h.cantSplit };
  if (h.number === undefined)
    return borderlessTable(
      [[cell([...h.left.map(centred), ...end], leftW), cell([nation(120), date], rightW)]],
      [leftW, rightW],
      o,
    );
  return borderlessTable(
    [
      [cell(h.left.map(centred), leftW), cell([nation()], rightW)],
      [cell([centred({ text: h.number }), ...end], leftW), cell([date], rightW)],
    ],
    [leftW, rightW],
    o,
  );
}

export type DocxSignBlock = SignBlock;

/** [date line], titles, room to sign, name (or dots to write it). */
export function signBlockParagraphs(
  b: DocxSignBlock,
  o: { space: number; dateSlot?: boolean; keepNext?: boolean },
): Paragraph[] {
  const date = b.date ? b.date : o.dateSlot ? ' ' : null;
  const keepNext = o.keepNext;
  return [
    ...(date !== null ? [para([run(date, { italics: true })], { align: 'center', keepNext })] : []),
    ...b.titles.map((title, i) =>
      para([run(title, { bold: true })], {
        align: 'center',
        after: i === b.titles.length - 1 && !b.hint ? o.space : 0,
        keepNext,
      }),
    ),
    ...(b.hint
      ? [
          para([run(b.hint, { italics: true, size: DX.small })], {
            align: 'center',
            after: o.space - 100,
            keepNext,
          }),
        ]
      : []),
    para([run(b.name ?? '……………………', { bold: Boolean(b.name) })], { align: 'center', keepNext }),
  ];
}

/** "Nơi nhận:" and its lines as given, in small print. */
export function recipientParagraphs(lines: string[]): Paragraph[] {
  return [
    para([run('Nơi nhận:', { bold: true, italics: true, size: DX.small })]),
    ...lines.map((line) => para([run(line, { size: DX.small })])),
  ];
}

/** "Nơi nhận" (and whatever goes with it) on the left half, the signature on the right half. */
export function signatureTable(left: Block[], right: Block[], o: { cantSplit?: boolean } = {}): Table {
  const leftW = Math.round(CONTENT_W / 2);
  return borderlessTable(
    [[cell(left, leftW), cell(right, CONTENT_W - leftW)]],
    [leftW, CONTENT_W - leftW],
    o,
  );
}

export interface DocxSection {
  children: FileChild[];
  landscape?: boolean;
  /** a page number centred in the top margin: on every page, or from the second page of the section */
  pageNumbers?: 'all' | 'fromSecond';
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(DX.small) })],
      }),
    ],
  });
}

function sectionOf(s: DocxSection) {
  const size = {
    width: PAGE.width,
    height: PAGE.height,
    // docx swaps width and height itself for a landscape section
    ...(s.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}),
  };
  const margin = { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right };
  if (!s.pageNumbers) return { properties: { page: { size, margin } }, children: s.children };
  return {
    // The header sits 7 mm from the edge so the number stays inside the 15 mm top margin.
    properties: {
      page: { size, margin: { ...margin, header: twip(7) } },
      titlePage: s.pageNumbers === 'fromSecond',
    },
    headers: {
      default: pageNumberHeader(),
      ...(s.pageNumbers === 'fromSecond' ? { first: new Header({ children: [] }) } : {}),
    },
    children: s.children,
  };
}

/** The finished .docx: Times New Roman 13 pt by default, one Word section per entry. */
export function renderDocx(
  meta: { title: string; creator?: string; description?: string },
  sections: DocxSection[],
): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator ?? 'Residence Link',
    title: meta.title,
    description: meta.description,
    styles: { default: { document: { run: { font: DOCX_FONT, size: halfPoints(DX.body) } } } },
    sections: sections.map(sectionOf),
  });
  return Packer.toBuffer(doc);
}
