/**
 * What the evaluation form (phiếu nhận xét, Regulation 213-QĐ/TW Art. 4.4–4.5, Guide 33) says, from the
 * form's data: built once by `formText` and laid out twice (evaluation-document-pdf.ts and
 * evaluation-document-docx.ts), so the printed PDF and the editable DOCX say the same. Pure.
 */
import type { EvidenceMetric } from '../../../shared/rules/evaluation-rules';
import type { Field } from '../../documents/fields';
import { organisationName } from '../../documents/party-names';
import {
  NATION,
  formatDay,
  ON_BEHALF_OF_COMMITTEE,
  longDate,
  placeDateLine,
  signerTitle,
  upperVi as upper,
  type SignBlock,
} from '../../documents/party-text';
import type { Verification } from '../../documents/qr';

export interface EvaluationFormData {
  /** the commune's Party organisation, e.g. "Đảng bộ phường Thành Vinh" (its committee confirms) */
  communeName: string;
  /** the residential cell, e.g. "Chi bộ khối 5"; null → a dotted blank */
  cellName: string | null;
  /** the residential area whose Front working committee took part, e.g. "Khối 5" */
  areaName: string | null;
  /** place for the date line, e.g. "Thành Vinh" */
  place: string;
  /** the rule set's title of the full or exempt form (Vietnamese) */
  title: string;
  year: number;
  /** the purpose of an on-demand comment (Vietnamese label); null for the yearly one */
  purpose: string | null;
  /** the rule set's legal basis (Vietnamese) */
  basis: string;
  /** ISO day of the joint meeting of the cell committee with the Front working committee, and who took part */
  jointMeeting: { on: string | null; participants: string | null };
  member: {
    fullName: string;
    dateOfBirth: string | null;
    workplaceCellName: string | null;
    workplaceCommitteeName: string;
    residenceAddress: string | null;
  };
  /** every criterion of the form, in order, with all its levels (Vietnamese labels) */
  criteria: {
    label: string;
    levels: { key: string; label: string }[];
    chosen: string | null;
    justification: string | null;
  }[];
  otherComments: string | null;
  /** ratings that contradicted the record and were justified (criterion number is 1-based) */
  checks: {
    criterion: number;
    label: string;
    metric: EvidenceMetric;
    actual: number;
    noMeetingHeld?: boolean;
  }[];
  cellSigner: { name: string | null };
  frontSigner: { name: string | null; signedOn: string | null };
  /** the document's date (the day the cell signed), ISO */
  signedOn: string | null;
  confirmation: {
    position: 'secretary' | 'deputy_secretary' | null;
    name: string | null;
    confirmedOn: string | null;
  };
  /** set once the commune confirmed (QR → /verify/<code>); null prints the form as a draft ("DỰ THẢO") */
  verification: { code: string; url: string } | null;
}

export type { Field };

export interface CriterionText {
  number: string;
  label: string;
  levels: { label: string; chosen: boolean }[];
  justification: string | null;
}

export interface FormText {
  draft: boolean;
  meta: { title: string; author: string };
  commune: string;
  cell: string;
  nation: string;
  dateLine: string;
  title: string;
  subtitle: string | null;
  period: string;
  basis: string;
  meeting: string;
  participants: Field;
  lead: string;
  memberName: Field;
  dateOfBirth: Field;
  fields: Field[];
  ratingsLead: string;
  criteria: CriterionText[];
  other: { number: string; label: string; text: string | null };
  checks: { heading: string; lines: string[] } | null;
  front: SignBlock;
  cellSign: SignBlock;
  confirmation: { heading: string; block: SignBlock };
  verification: Verification | null;
}

export const BLANK = '……………';
const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);
/** Straight quotes from rule-set data as printed quotes: "đầy đủ" → “đầy đủ”. */
const typographic = (s: string): string => s.replace(/"([^"]*)"/g, '“$1”');
const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);

export { formatDay };

/** "xã", "phường", "thị trấn" or "đặc khu" from the commune's name, for "XÁC NHẬN CỦA ĐẢNG ỦY PHƯỜNG". */
function communeKind(name: string): string {
  const m = /(?:^|\s)(xã|phường|thị trấn|đặc khu)(?=\s|$)/iu.exec(name);
  return m ? upper(m[1]!) : 'XÃ/PHƯỜNG';
}

/** "Khối 5" → "khối 5", as it reads inside a sentence ("Ban công tác Mặt trận khối 5"). */
function areaInSentence(name: string): string {
  return /^(Khối|Thôn|Tổ dân phố|Tổ|Xóm|Ấp|Bản|Khu phố|Khu|Buôn|Làng|Sóc)\s/u.test(name)
    ? lowerFirst(name)
    : name;
}

const metricPhrase: Record<EvidenceMetric, (n: number) => string> = {
  meetingsHeld: (n) => `${n} buổi sinh hoạt đã tổ chức`,
  meetingsAttended: (n) => `dự ${n} buổi sinh hoạt`,
  attendanceRate: (n) => `tỷ lệ dự sinh hoạt ${n}%`,
  unexcusedAbsences: (n) => `${n} buổi vắng không lý do`,
  confirmedContributions: (n) => `${n} đóng góp được xác nhận`,
  contributionDays: (n) => `${n} ngày công đóng góp`,
  openWarnings: (n) => `${n} nhắc nhở chưa khắc phục`,
  warningsThisYear: (n) => `${n} nhắc nhở trong năm`,
  selfReported: (n) => (n > 0 ? 'đã nộp bản tự báo cáo' : 'chưa nộp bản tự báo cáo'),
};

/** A year with no meeting held has no attendance to count: the paper says so instead of "100 %" or "0 buổi". */
const NO_MEETING_PHRASE = 'chi bộ chưa tổ chức buổi sinh hoạt nào trong năm';
const MEETING_METRICS: readonly EvidenceMetric[] = ['meetingsHeld', 'meetingsAttended', 'attendanceRate'];
function checkPhrase(c: EvaluationFormData['checks'][number]): string {
  return c.noMeetingHeld && MEETING_METRICS.includes(c.metric)
    ? NO_MEETING_PHRASE
    : metricPhrase[c.metric](c.actual);
}

export function formText(f: EvaluationFormData): FormText {
  const draft = f.verification === null;
  const cell = f.cellName?.trim() || null;
  const cellInSentence = cell ? lowerFirst(cell) : `chi bộ ${BLANK}`;
  const front = f.areaName?.trim()
    ? `Ban công tác Mặt trận ${areaInSentence(f.areaName.trim())}`
    : 'Ban công tác Mặt trận';
  const meetingDay = formatDay(f.jointMeeting.on) ?? '……/……/………';
  const workplace = [f.member.workplaceCellName, f.member.workplaceCommitteeName].filter(Boolean).join(', ');
  const otherNumber = f.criteria.length + 1;
  const title = /^(PHIẾU NHẬN XÉT)\s+(.+)$/u.exec(f.title.trim());
  return {
    draft,
    meta: {
      title: `Phiếu nhận xét năm ${f.year} – ${f.member.fullName}`,
      author: f.cellName ?? f.communeName,
    },
    commune: upper(organisationName(f.communeName)),
    cell: cell ? upper(cell) : `CHI BỘ ${BLANK}`,
    nation: NATION,
    dateLine: f.place ? placeDateLine(f.place, f.signedOn) : capitalise(longDate(f.signedOn)),
    title: title ? title[1]! : f.title.trim(),
    subtitle: title ? title[2]! : null,
    period: f.purpose ? `(Năm ${f.year} – nhận xét phục vụ: ${lowerFirst(f.purpose)})` : `(Năm ${f.year})`,
    basis: `Căn cứ ${f.basis};`,
    meeting:
      `Ngày ${meetingDay}, Chi ủy ${cellInSentence} họp liên tịch với ${front} ` +
      `để nhận xét đảng viên đang công tác giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú.`,
    participants: { label: 'Thành phần tham dự', value: f.jointMeeting.participants?.trim() || null },
    lead: 'Chi ủy chi bộ và Ban công tác Mặt trận thống nhất nhận xét đồng chí:',
    memberName: { label: 'Họ và tên', value: upper(f.member.fullName) },
    dateOfBirth: { label: 'Ngày sinh', value: formatDay(f.member.dateOfBirth) },
    fields: [
      { label: 'Đang sinh hoạt đảng tại', value: workplace || null },
      { label: 'Nơi cư trú', value: f.member.residenceAddress?.trim() || null },
    ],
    ratingsLead: 'Kết quả nhận xét:',
    criteria: f.criteria.map((c, i) => ({
      number: `${i + 1}.`,
      label: `${c.label}:`,
      levels: c.levels.map((l) => ({ label: l.label, chosen: l.key === c.chosen })),
      justification: c.justification?.trim() || null,
    })),
    other: {
      number: `${otherNumber}.`,
      label: 'Ý kiến khác:',
      // A signed form says "none" rather than leaving dotted lines someone could fill in afterwards.
      text: f.otherComments?.trim() || (f.cellSigner.name ? 'Không.' : null),
    },
    checks: f.checks.length
      ? {
          heading: 'Ghi chú đối chiếu số liệu',
          lines: f.checks.map(
            (c) =>
              `– Tiêu chí ${c.criterion}: ${typographic(c.label)} (số liệu theo dõi: ${checkPhrase(c)}); chi ủy đã giải trình.`,
          ),
        }
      : null,
    front: {
      date: f.frontSigner.signedOn ? capitalise(longDate(f.frontSigner.signedOn)) : null,
      titles: ['TRƯỞNG BAN', 'CÔNG TÁC MẶT TRẬN'],
      hint: null,
      name: f.frontSigner.name?.trim() || null,
    },
    cellSign: {
      date: null,
      titles: ['T/M CHI ỦY', 'BÍ THƯ'],
      hint: null,
      name: f.cellSigner.name?.trim() || null,
    },
    confirmation: {
      heading: `XÁC NHẬN CỦA ĐẢNG ỦY ${communeKind(f.communeName)}`,
      block: {
        date: capitalise(longDate(f.confirmation.confirmedOn)),
        titles: [
          ON_BEHALF_OF_COMMITTEE,
          ...(f.confirmation.position ? [signerTitle(f.confirmation.position)] : []),
        ],
        hint: f.confirmation.name?.trim() ? null : '(Ký tên, đóng dấu)',
        name: f.confirmation.name?.trim() || null,
      },
    },
    verification: f.verification,
  };
}
