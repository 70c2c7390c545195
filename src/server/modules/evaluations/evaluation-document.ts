/**
 * The evaluation form (phiếu nhận xét, Regulation 213-QĐ/TW Art. 4.4–4.5, Guide 33) as PDF and DOCX:
 * the wording in evaluation-document-text.ts, the layouts in evaluation-document-pdf.ts and
 * evaluation-document-docx.ts. This module is what the print service imports.
 */
export { formatDay, type EvaluationFormData } from './evaluation-document-text';
export { renderEvaluationPdf, renderEvaluationsPdf } from './evaluation-document-pdf';
export { renderEvaluationDocx } from './evaluation-document-docx';
