/**
 * The fixed wording of a Party administrative document (Guide 36-HD/VPTW on the format of Party documents):
 * the nation line, the number line, the place-and-date line and the signer's titles. Shared by the PDF
 * and the DOCX renderers of every document, so the two formats and the documents never word them apart.
 */

export const NATION = 'ĐẢNG CỘNG SẢN VIỆT NAM';
export const DRAFT_MARK = 'DỰ THẢO';
/** "on behalf of the committee": a committee's document is signed by its secretary or a deputy for it */
export const ON_BEHALF_OF_COMMITTEE = 'T/M ĐẢNG ỦY';

export type SignerPosition = 'secretary' | 'deputy_secretary';

export const upperVi = (s: string): string => s.toLocaleUpperCase('vi-VN');

/** ISO date (or timestamp) → dd/mm/yyyy, as dates are written in a form's fields; null when it is not one. */
export function formatDay(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

/** "ngày 05 tháng 03 năm 2026", Party style (day and month padded); blanks to fill by hand when unknown. */
export function longDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}` : 'ngày …… tháng …… năm ……';
}

/** "Nghệ An, ngày 05 tháng 03 năm 2026", the italic line under the nation line. */
export function placeDateLine(place: string, iso: string | null): string {
  return `${place}, ${longDate(iso)}`;
}

/**
 * "Số 12-BC/ĐU". The office gives the number at signing, so a draft leaves room to write it in before
 * the kind of document: "Số      -BC/ĐU".
 */
export function numberLine(number: string | null, kind: string): string {
  return number ? `Số ${number}` : `Số      -${kind}`;
}

export function signerTitle(position: SignerPosition): string {
  return position === 'secretary' ? 'BÍ THƯ' : 'PHÓ BÍ THƯ';
}

/** A line of the header's left column (the issuing organisation), bold for the issuer itself. */
export interface HeaderLine {
  text: string;
  bold?: boolean;
}

/** A signature block, the same in PDF and DOCX. */
export interface SignBlock {
  /** italic line above the titles, printed as given (e.g. "Ngày 20 tháng 11 năm 2026"); null → none */
  date?: string | null;
  /** bold centred lines, e.g. ["T/M ĐẢNG ỦY", "BÍ THƯ"] */
  titles: string[];
  /** printed under the titles while nobody has signed, e.g. "(Ký tên, đóng dấu)" */
  hint?: string | null;
  /** the signer's name; null → dots to write it by hand */
  name: string | null;
}
