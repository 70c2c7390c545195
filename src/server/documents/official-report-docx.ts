/**
 * A Party committee's report (báo cáo) as Word, with the content and order of the PDF
 * (official-report-pdf.ts): header, title, sections with real Word tables, signature and "Nơi nhận",
 * then each annex in a section of its own, landscape when its table is wide.
 */
import type { FileChild } from 'docx';
import {
  CONTENT_W,
  HEADER_LEFT_W,
  LANDSCAPE_CONTENT_W,
  draftMark,
  para,
  partyHeaderTable,
  recipientParagraphs,
  renderDocx,
  ruleParagraph,
  run,
  signBlockParagraphs,
  signatureTable,
  type Block,
} from './docx';
import { figureTableDocx } from './docx-table';
import { isWide } from './figure-table';
import type { OfficialReport, ReportSection } from './official-report';
import {
  NATION,
  ON_BEHALF_OF_COMMITTEE,
  numberLine,
  placeDateLine,
  signerTitle,
  upperVi,
} from './party-text';

const TABLE_PT = 11;
const WIDE_TABLE_PT = 10;

export function renderOfficialReportDocx(report: OfficialReport): Promise<Buffer> {
  return renderDocx({ title: report.meta.title, creator: report.meta.author, description: report.subtitle }, [
    { children: mainBody(report), pageNumbers: 'fromSecond' },
    ...report.annexes.map((annex) => {
      const wide = isWide(annex.table);
      const children: FileChild[] = [
        para([run(annex.title, { bold: true })], { align: 'center', keepNext: true }),
        ...(annex.subtitle
          ? [para([run(annex.subtitle, { italics: true })], { align: 'center', keepNext: true })]
          : []),
        para([], { after: 120, keepNext: true }),
        figureTableDocx(annex.table, wide ? LANDSCAPE_CONTENT_W : CONTENT_W, wide ? WIDE_TABLE_PT : TABLE_PT),
      ];
      return { children, landscape: wide, pageNumbers: 'all' as const };
    }),
  ]);
}

function mainBody(r: OfficialReport): FileChild[] {
  return [
    ...(r.draft ? [draftMark()] : []),
    partyHeaderTable({
      left: [
        ...(r.superiorName ? [{ text: upperVi(r.superiorName) }] : []),
        { text: upperVi(r.issuerName), bold: true },
      ],
      number: numberLine(r.draft ? null : r.number, 'BC/ĐU'),
      leftEnd: [ruleParagraph(Math.round(HEADER_LEFT_W * 0.3), { before: 40, within: HEADER_LEFT_W })],
      nation: NATION,
      dateLine: placeDateLine(r.place, r.date),
      // 12 pt keeps a ward's or commune's committee name on one line of the left column
      size: 12,
    }),
    para([run(r.title, { bold: true, size: 15 })], { align: 'center', before: 400 }),
    para([run(r.subtitle, { bold: true })], { align: 'center' }),
    ruleParagraph(Math.round(CONTENT_W * 0.22), { before: 60, after: 240 }),
    ...r.sections.flatMap((s, i) => sectionBlocks(s, i === r.sections.length - 1)),
    signature(r),
  ];
}

/** `last`: the section before the signature, whose last paragraph keeps with it (never a signature alone on a page). */
function sectionBlocks(s: ReportSection, last: boolean): FileChild[] {
  const closing = s.closing ?? [];
  const text = (keepLast: boolean) => (p: string, i: number, all: string[]) =>
    para([run(p)], {
      align: 'both',
      indent: true,
      after: 120,
      keepNext: keepLast && i === all.length - 1 ? true : undefined,
    });
  return [
    para([run(s.heading, { bold: true })], { align: 'both', before: 120, after: 120, keepNext: true }),
    ...s.paragraphs.map(text(last && s.tables.length === 0 && closing.length === 0)),
    ...s.tables.flatMap(({ caption, table }) => [
      ...(caption
        ? [
            para([run(caption, { italics: true, size: TABLE_PT + 1 })], {
              align: 'center',
              after: 60,
              keepNext: true,
            }),
          ]
        : []),
      figureTableDocx(table, CONTENT_W, TABLE_PT),
      // Word joins two tables that touch; the paragraph also gives the table room below.
      para([], { after: 120 }),
    ]),
    ...closing.map(text(last)),
  ];
}

function signature(r: OfficialReport): FileChild {
  const left: Block[] = [
    para([], { before: 120 }),
    ...recipientParagraphs(r.recipients.map((l) => `- ${l}`)),
  ];
  const right: Block[] = [
    para([], { before: 120 }),
    ...signBlockParagraphs(
      {
        titles: [ON_BEHALF_OF_COMMITTEE, r.signer ? signerTitle(r.signer.position) : ''],
        name: r.signer?.name ?? null,
      },
      { space: 1200 },
    ),
  ];
  return signatureTable(left, right, { cantSplit: true });
}
