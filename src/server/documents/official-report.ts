/**
 * A Party committee's report (báo cáo) as data, laid out as PDF (official-report-pdf.ts) and Word
 * (official-report-docx.ts) the same way the introduction letter is: two-column header (superior and
 * issuing committee left with the number "Số 12-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date
 * right), centred title, numbered sections of paragraphs and figure tables, the signature block
 * "T/M ĐẢNG ỦY" on the right and "Nơi nhận" on the left, then annexes (one table each, landscape if wide).
 * The wording is built by the caller (e.g. modules/reports/yearly-report-text.ts); this file only holds the shape.
 */

export interface FigureTable {
  /** column headers; the first column is the row label */
  columns: string[];
  rows: (string | number)[][];
  /** rows to print in bold (e.g. the total), 0-based */
  boldRows?: number[];
  /** relative widths of the columns (defaults: first column wide, the rest equal) */
  widths?: number[];
}

export interface ReportSection {
  /** e.g. "I. KẾT QUẢ THỰC HIỆN" */
  heading: string;
  /** text before the tables; each string is a paragraph (first-line indent) */
  paragraphs: string[];
  /** a table may have its own caption printed above it in italics */
  tables: { caption?: string; table: FigureTable }[];
  /** text after the tables */
  closing?: string[];
}

export interface OfficialReport {
  /** e.g. "12-BC/ĐU"; null for a draft (print "Số     -BC/ĐU") */
  number: string | null;
  /** the committee above the issuer (upper-cased in print), e.g. "Đảng bộ tỉnh Nghệ An"; may be null */
  superiorName: string | null;
  /** the issuing committee, e.g. "Đảng ủy phường Thành Vinh" (upper-cased and bold in print) */
  issuerName: string;
  /** place for the date line, e.g. "Nghệ An" */
  place: string;
  /** ISO yyyy-mm-dd, or null → "…, ngày … tháng … năm 20…" with blanks */
  date: string | null;
  /** e.g. "BÁO CÁO" (bold, large) */
  title: string;
  /** e.g. "Kết quả thực hiện Quy định số 213-QĐ/TW năm 2026" (bold, under the title) */
  subtitle: string;
  /** draft: a "DỰ THẢO" watermark on every page (PDF) / a framed mark (DOCX) */
  draft: boolean;
  sections: ReportSection[];
  signer: { position: 'secretary' | 'deputy_secretary'; name: string } | null;
  /** "Nơi nhận:" lines, e.g. ["Ban Thường vụ Tỉnh ủy (để báo cáo),", "Lưu Văn phòng."] */
  recipients: string[];
  /** after the signature, each on a new page: "PHỤ LỤC 1 …" with one table */
  annexes: { title: string; subtitle?: string; table: FigureTable }[];
  /** document metadata */
  meta: { title: string; author: string };
}
