/**
 * A figure table as a real Word table: thin borders, a bold header row shaded light grey that Word
 * repeats at the top of every page the table runs onto, rows that never split, figures right-aligned.
 */
import {
  BorderStyle,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { para, run } from './docx';
import { columnWidths, isFigureCell, rowCells } from './figure-table';
import type { FigureTable } from './official-report';

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};
const HEADER_FILL = 'E6E6E6';

function figureCell(
  text: string,
  width: number,
  o: { align: 'left' | 'center' | 'right'; bold: boolean; size: number; shaded: boolean },
): TableCell {
  return new TableCell({
    children: [para([run(text, { bold: o.bold, size: o.size })], { align: o.align })],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: o.shaded ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
  });
}

/** `t` across `width` twips, in `size`-point type. */
export function figureTableDocx(t: FigureTable, width: number, size: number): Table {
  const widths = columnWidths(t, width).map(Math.floor);
  const bold = new Set(t.boldRows ?? []);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) =>
      figureCell(c, widths[i]!, { align: 'center', bold: true, size, shaded: true }),
    ),
  });
  const rows = t.rows.map(
    (r, ri) =>
      new TableRow({
        cantSplit: true,
        children: rowCells(t, r).map((text, i) =>
          figureCell(text, widths[i]!, {
            align: isFigureCell(r[i] ?? '', i) ? 'right' : 'left',
            bold: bold.has(ri),
            size,
            shaded: false,
          }),
        ),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    margins: { top: 30, bottom: 30, left: 70, right: 70 },
  });
}
