/**
 * The verification block of a signed document, in PDF and DOCX: the QR code of its public check page with
 * the short code and the address printed beside (PDF) or under it (DOCX), so a reader without a phone can
 * type the code in. Shared by the introduction letter and the evaluation form.
 */
import { ImageRun, Paragraph } from 'docx';
import QRCode from 'qrcode';
import { DX, para, run } from './docx';
import { textAt, type Pdf } from './pdf';

export interface Verification {
  code: string;
  url: string;
}

const CODE_LABEL = 'Mã xác thực:';
const URL_LABEL = 'Kiểm tra tại:';

/** A QR code as a PNG, large enough to stay sharp when printed at 2–3 cm. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 360 });
}

/** The QR code of each item that has a verification (null for the others), in order. */
export function qrPngs(items: { verification: Verification | null }[]): Promise<(Buffer | null)[]> {
  return Promise.all(items.map((i) => (i.verification ? qrPng(i.verification.url) : null)));
}

export interface PdfQrStyle {
  /** side of the QR code, points */
  qr: number;
  /** font size of the labels (the code is 1.5 pt larger) */
  size: number;
  /** the text starts this far below the QR code's top */
  textTop: number;
  /** room between the QR code and the end of `width` the text keeps clear */
  textInset: number;
}

/** The QR code at (x, y) with the code and the address to its right; returns the y below the QR code. */
export function drawVerification(
  doc: Pdf,
  v: Verification,
  qr: Buffer,
  x: number,
  y: number,
  width: number,
  s: PdfQrStyle,
): number {
  doc.image(qr, x, y, { width: s.qr, height: s.qr });
  const tx = x + s.qr + 6;
  const tw = width - s.qr - s.textInset;
  let ty = textAt(doc, CODE_LABEL, tx, y + s.textTop, tw, { size: s.size, font: 'italic' });
  ty = textAt(doc, v.code, tx, ty, tw, { size: s.size + 1.5, font: 'bold' });
  ty = textAt(doc, URL_LABEL, tx, ty + 3, tw, { size: s.size, font: 'italic' });
  textAt(doc, v.url, tx, ty, tw, { size: s.size });
  return y + s.qr;
}

/** The QR code (`px` pixels square, `before` twips below what precedes it), then the code and the address. */
export function verificationParagraphs(
  v: Verification,
  qr: Buffer,
  o: { before: number; px: number },
): Paragraph[] {
  return [
    new Paragraph({
      spacing: { before: o.before },
      children: [new ImageRun({ type: 'png', data: qr, transformation: { width: o.px, height: o.px } })],
    }),
    para([run(`${CODE_LABEL} ${v.code}`, { size: DX.tiny, bold: true })]),
    para([run(`${URL_LABEL} ${v.url}`, { size: DX.tiny, italics: true })]),
  ];
}
