/**
 * The introduction letter (giấy giới thiệu, Regulation 213-QĐ/TW) as PDF and DOCX: the wording in
 * letter-document-text.ts, the layouts in letter-document-pdf.ts and letter-document-docx.ts. This module
 * is what the print service imports.
 */
export type { LetterDocumentData } from './letter-document-text';
export { renderLetterPdf, renderLettersPdf } from './letter-document-pdf';
export { renderLetterDocx } from './letter-document-docx';
