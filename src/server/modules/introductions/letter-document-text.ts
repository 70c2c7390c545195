/**
 * What the introduction letter (giấy giới thiệu, Regulation 213-QĐ/TW) says, from the letter's data: built
 * once by `letterText` and laid out twice (letter-document-pdf.ts and letter-document-docx.ts), so the
 * printed PDF and the editable DOCX never drift apart. Pure.
 */
import type { Field } from '../../documents/fields';
import {
  NATION,
  formatDay,
  ON_BEHALF_OF_COMMITTEE,
  numberLine,
  placeDateLine,
  signerTitle,
  upperVi as upper,
} from '../../documents/party-text';
import type { Verification } from '../../documents/qr';

export interface LetterDocumentData {
  /** e.g. "12-GGT/ĐU"; null for a draft (print "Số      -GGT/ĐU" and a "DỰ THẢO" (draft) watermark/mark) */
  number: string | null;
  /** the issuing committee's superior, upper-cased in print, e.g. "Đảng bộ Khối Doanh nghiệp tỉnh Nghệ An"; may be null */
  superiorCommitteeName: string | null;
  /** e.g. "Đảng ủy Công ty Điện lực Nghệ An" */
  issuingCommitteeName: string;
  /** place name for the date line, e.g. "Nghệ An" */
  place: string;
  /** ISO yyyy-mm-dd or null (draft) → "…, ngày … tháng … năm …" */
  issuedOn: string | null;
  /** addressee 1: e.g. "Đảng ủy phường Thành Vinh" */
  receivingCommuneName: string;
  /** addressee 2: the residential cell if known, else print a dotted blank "Chi bộ ……………" */
  receivingCellName: string | null;
  member: {
    fullName: string;
    sex: 'male' | 'female';
    dateOfBirth: string; // ISO
    dateAdmitted: string | null; // ISO
    dateOfficial: string | null; // ISO
    workplaceCellName: string; // current workplace cell
    jobTitle: string | null;
    residenceAddress: string; // actual residence, one line
    registeredAddress: string | null; // permanent address if different, else null
  };
  /** exempt from residence activity (Guide 33): print a clear "Thuộc diện miễn sinh hoạt nơi cư trú" mark with reason and period */
  exempt: { reason: string | null; from: string | null; to: string | null } | null;
  /** signer for the committee: "T/M ĐẢNG ỦY" then "BÍ THƯ" or "PHÓ BÍ THƯ", then the name; null → leave the block unsigned */
  signer: { position: 'secretary' | 'deputy_secretary'; name: string } | null;
  /** verification: a QR code encoding `url` plus the short `code` printed in text ("Mã xác thực: ABCD-EFGH-JKLM" and "Kiểm tra tại: <url>") */
  verification: { code: string; url: string } | null;
  /** receipt block for the residence side; when null print the blank block with dotted lines to fill by hand */
  receipt: { receivedOn: string | null; cellName: string | null; signerName: string | null } | null;
}

export type { Field };

export interface LetterText {
  draft: boolean;
  superior: string | null;
  issuing: string;
  numberLine: string;
  nation: string;
  dateLine: string;
  title: string;
  subtitle: string;
  addressees: string[];
  introLead: string;
  memberName: string;
  fieldPairs: [Field, Field][];
  fields: Field[];
  exemptLine: string | null;
  request: string;
  recipients: string[];
  signature: { org: string; position: string | null; name: string | null };
  verification: Verification | null;
  receipt: { heading: string; fields: Field[]; org: string; hint: string; name: string | null };
}

export const BLANK = '……………';
const REGULATION = 'Quy định số 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị';

/** ISO date (or timestamp) → dd/mm/yyyy; anything unparseable is printed as given. */
function formatDate(iso: string | null): string | null {
  return iso ? (formatDay(iso) ?? iso) : null;
}

function exemptLine(exempt: LetterDocumentData['exempt']): string | null {
  if (!exempt) return null;
  const from = formatDate(exempt.from);
  const to = formatDate(exempt.to);
  const period = from && to ? ` (từ ${from} đến ${to})` : from ? ` (từ ${from})` : to ? ` (đến ${to})` : '';
  const reason = exempt.reason?.trim() ? `: ${exempt.reason.trim()}` : '';
  return `Thuộc diện miễn sinh hoạt nơi cư trú${reason}${period}.`;
}

export function letterText(l: LetterDocumentData): LetterText {
  const m = l.member;
  const cell = l.receivingCellName?.trim() || null;
  return {
    draft: l.number === null,
    superior: l.superiorCommitteeName ? upper(l.superiorCommitteeName) : null,
    issuing: upper(l.issuingCommitteeName),
    numberLine: numberLine(l.number, 'GGT/ĐU'),
    nation: NATION,
    dateLine: placeDateLine(l.place, l.issuedOn),
    title: 'GIẤY GIỚI THIỆU',
    subtitle: 'Đảng viên đang công tác giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú',
    addressees: [`- ${l.receivingCommuneName};`, `- ${cell ?? `Chi bộ ${BLANK}…… (nơi cư trú)`}.`],
    introLead: `${l.issuingCommitteeName} trân trọng giới thiệu đồng chí: `,
    memberName: upper(m.fullName),
    fieldPairs: [
      [
        { label: 'Giới tính', value: m.sex === 'male' ? 'Nam' : 'Nữ' },
        { label: 'Ngày sinh', value: formatDate(m.dateOfBirth) },
      ],
      [
        { label: 'Ngày vào Đảng', value: formatDate(m.dateAdmitted) },
        { label: 'Ngày chính thức', value: formatDate(m.dateOfficial) },
      ],
    ],
    fields: [
      { label: 'Hiện sinh hoạt tại', value: m.workplaceCellName },
      { label: 'Chức vụ', value: m.jobTitle?.trim() || null },
      { label: 'Nơi cư trú hiện nay', value: m.residenceAddress },
      // Since the 2020 Residence Law the household book is gone; the register speaks of "nơi thường trú".
      ...(m.registeredAddress?.trim()
        ? [{ label: 'Nơi thường trú', value: m.registeredAddress.trim() }]
        : []),
    ],
    exemptLine: exemptLine(l.exempt),
    request:
      `Thực hiện ${REGULATION} về trách nhiệm của đảng viên đang công tác thường xuyên giữ mối liên hệ ` +
      `với tổ chức đảng và nhân dân nơi cư trú, đề nghị ${l.receivingCommuneName} tiếp nhận, giới thiệu ` +
      `đồng chí ${m.fullName} về ${cell ?? 'chi bộ nơi cư trú'} để đồng chí giữ mối liên hệ với tổ chức đảng ` +
      `và nhân dân nơi cư trú theo quy định.`,
    recipients: ['- Như trên,', '- Lưu VP.'],
    signature: {
      org: ON_BEHALF_OF_COMMITTEE,
      position: l.signer ? signerTitle(l.signer.position) : null,
      name: l.signer?.name ?? null,
    },
    verification: l.verification,
    receipt: {
      heading: 'PHẦN TIẾP NHẬN CỦA ĐẢNG ỦY XÃ, PHƯỜNG NƠI CƯ TRÚ',
      fields: [
        { label: 'Ngày tiếp nhận', value: formatDate(l.receipt?.receivedOn ?? null) },
        { label: 'Giới thiệu về sinh hoạt tại', value: l.receipt?.cellName?.trim() || null, blankLines: 2 },
      ],
      org: ON_BEHALF_OF_COMMITTEE,
      hint: '(Ký, ghi rõ họ tên)',
      name: l.receipt?.signerName?.trim() || null,
    },
  };
}
