/**
 * The printable attendance register of one residence-cell meeting (Regulation 213, Art. 4.3:
 * the cell meets its working members at least every six months).
 *
 * The field complaint it answers: attendance recorded as "13 of 77" with no names, so nobody can
 * tell who was excused and who simply stayed away. The register lists every invited member with
 * the answer they gave to the invitation, how they were recorded on the day and why, and closes
 * with the totals and the cell secretary's signature, so the sheet can be filed with the minutes.
 *
 * The wording is in attendance-register-text.ts, the layout in attendance-register-pdf.ts.
 */
export type { AttendanceRegisterData } from './attendance-register-text';
export { renderAttendanceRegisterPdf } from './attendance-register-pdf';
