/**
 * The introduction letter as Word, with the content and order of the PDF (letter-document-pdf.ts).
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TabStopType, TextRun, type FileChild } from 'docx';
import {
  CONTENT_W,
  DX,
  DX_INDENT,
  draftMark,
  para,
  partyHeaderTable,
  recipientParagraphs,
  renderDocx,
  run,
  signBlockParagraphs,
  signatureTable,
  twip,
  type Block,
} from '../../documents/docx';
import { fieldPairParagraph, fieldParagraphs, type Field } from '../../documents/fields';
import { qrPng, verificationParagraphs } from '../../documents/qr';
import { BLANK, letterText, type LetterDocumentData, type LetterText } from './letter-document-text';

export async function renderLetterDocx(letter: LetterDocumentData): Promise<Buffer> {
  const t = letterText(letter);
  const qr = letter.verification ? await qrPng(letter.verification.url) : null;
  return renderDocx({ title: `Giấy giới thiệu ${letter.number ?? '(dự thảo)'}` }, [
    { children: docxChildren(t, qr) },
  ]);
}

function docxChildren(t: LetterText, qr: Buffer | null): FileChild[] {
  return [
    ...(t.draft ? [draftMark()] : []),
    docxHeader(t),
    para([run(t.title, { bold: true, size: DX.body + 1 })], { align: 'center', before: 360 }),
    para([run(t.subtitle, { bold: true })], { align: 'center', after: 240 }),
    ...docxAddressees(t),
    para([run(t.introLead), run(t.memberName, { bold: true })], { align: 'both', indent: true, before: 120 }),
    ...t.fieldPairs.map(([a, b]) => docxFieldPair(a, b)),
    ...t.fields.flatMap((f) => fieldParagraphs(f, DX_INDENT)),
    ...(t.exemptLine ? [docxExempt(t.exemptLine)] : []),
    para([run(t.request)], { align: 'both', indent: true, before: 120, after: 240 }),
    docxSignature(t, qr),
    ...docxReceipt(t),
  ];
}

/** Two rows so that the "Số" line and the date line share a row, however the names wrap. */
function docxHeader(t: LetterText): Table {
  return partyHeaderTable({
    left: [...(t.superior ? [{ text: t.superior }] : []), { text: t.issuing, bold: true }, { text: '*' }],
    number: t.numberLine,
    nation: t.nation,
    dateLine: t.dateLine,
  });
}

function docxAddressees(t: LetterText): Paragraph[] {
  // A hanging indent lines the second addressee up under the first, after "Kính gửi:".
  const start = twip(25);
  const hang = twip(25);
  return t.addressees.map(
    (line, i) =>
      new Paragraph({
        indent: { left: start + hang, hanging: i === 0 ? hang : 0 },
        spacing: { after: i === t.addressees.length - 1 ? 200 : 0 },
        tabStops: [{ type: TabStopType.LEFT, position: start + hang }],
        children:
          i === 0 ? [run('Kính gửi:', { italics: true }), new TextRun({ text: `\t${line}` })] : [run(line)],
      }),
  );
}

function docxFieldPair(a: Field, b: Field): Paragraph {
  const mid = DX_INDENT + Math.round((CONTENT_W - DX_INDENT) / 2);
  const value = (f: Field) => f.value ?? BLANK;
  return fieldPairParagraph([run(`${a.label}: ${value(a)}`)], `${b.label}: ${value(b)}`, DX_INDENT, mid);
}

function docxExempt(line: string): Paragraph {
  const border = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  return new Paragraph({
    border: { top: border, bottom: border, left: border, right: border },
    spacing: { before: 120, after: 60 },
    children: [run(line, { bold: true })],
  });
}

function docxSignature(t: LetterText, qr: Buffer | null): Table {
  const left: Block[] = [
    ...recipientParagraphs(t.recipients),
    ...(t.verification && qr ? verificationParagraphs(t.verification, qr, { before: 160, px: 112 }) : []),
  ];
  const s = t.signature;
  const right = signBlockParagraphs({ titles: [s.org, s.position ?? ''], name: s.name }, { space: 1200 });
  return signatureTable(left, right);
}

function docxReceipt(t: LetterText): Paragraph[] {
  const r = t.receipt;
  const dashed = { style: BorderStyle.DASHED, size: 6, color: '000000', space: 1 };
  return [
    new Paragraph({ border: { bottom: dashed }, spacing: { before: 240, after: 200 }, children: [] }),
    para([run(r.heading, { bold: true })], { align: 'center', after: 120 }),
    ...r.fields.flatMap((f) => fieldParagraphs(f, 0)),
    receiptSignLine(r.org, { bold: true }, 200),
    receiptSignLine(r.hint, { italics: true, size: DX.small }, 0),
    receiptSignLine(r.name ?? '……………………', { bold: Boolean(r.name) }, 900),
  ];
}

/** Lines of the receipt signature, centred in the right half of the page. */
function receiptSignLine(text: string, style: Parameters<typeof run>[1], before: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: Math.round(CONTENT_W / 2) },
    spacing: { before },
    children: [run(text, style)],
  });
}
