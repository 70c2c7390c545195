import type { SideValues } from '../../../shared/contracts/reports';
import type { RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import { committeeName } from '../../documents/party-names';
import type { OfficialReport, ReportSection } from '../../documents/official-report';
import type { ReportSnapshot, ReportSnapshotRow } from '../../db/schema/reports';
import {
  annexTable,
  cellLifeTable,
  coverageTable,
  evaluationTable,
  ratingsTable,
} from './yearly-report-tables';

/**
 * The wording of the yearly report (Art. 5, Guide 33) and of the superior's consolidated report, in
 * Vietnamese as official documents are: numbered sections with the figures for the subtree (both sides),
 * the committee's own texts, and an annex with the figures per child unit (yearly-report-tables.ts).
 */

export { annexTable };

/** A section of the committee's own text, "Không có." (none) when it wrote nothing. */
function textSection(heading: string, text: string | null | undefined): ReportSection {
  return { heading, paragraphs: textParagraphs(text, 'Không có.'), tables: [] };
}

function textParagraphs(text: string | null | undefined, empty: string): string[] {
  const parts = (text ?? '')
    .split(/\n\s*\n|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length ? parts : [empty];
}

export interface UnitReportInput {
  number: string | null;
  draft: boolean;
  year: number;
  unitName: string;
  superiorName: string;
  place: string;
  date: string | null;
  figures: ReportSnapshot;
  texts: {
    results: string | null;
    problems: string | null;
    proposals: string | null;
    commendations: string | null;
  };
  signer: { position: 'secretary' | 'deputy_secretary'; name: string } | null;
  ruleSet: RuleSetDefinition | null;
}

function figureSections(f: SideValues, ruleSet: RuleSetDefinition | null, results: string[]): ReportSection {
  const ratings = ratingsTable(f, ruleSet);
  return {
    heading: 'I. KẾT QUẢ THỰC HIỆN',
    paragraphs: results,
    tables: [
      {
        caption: '1. Giới thiệu, tiếp nhận đảng viên đang công tác về sinh hoạt nơi cư trú (Điều 3, Điều 4)',
        table: coverageTable(f),
      },
      {
        caption: '2. Chi bộ nơi cư trú sinh hoạt với đảng viên đang công tác (Điều 4.3, 4.4)',
        table: cellLifeTable(f),
      },
      {
        caption: '3. Nhận xét đảng viên đang công tác hằng năm (Điều 3.4, 4.4, 4.5)',
        table: evaluationTable(f),
      },
      ...(ratings
        ? [
            {
              caption: '4. Kết quả đánh giá theo từng tiêu chí của phiếu nhận xét đã xác nhận',
              table: ratings,
            },
          ]
        : []),
    ],
  };
}

/** A commune or workplace committee's report of the year. */
export function unitReportDocument(p: UnitReportInput): OfficialReport {
  const issuer = committeeName(p.unitName);
  return {
    number: p.number,
    superiorName: p.superiorName,
    issuerName: issuer,
    place: p.place,
    date: p.date,
    title: 'BÁO CÁO',
    subtitle: `Kết quả thực hiện Quy định số 213-QĐ/TW của Bộ Chính trị năm ${p.year}`,
    draft: p.draft,
    sections: [
      figureSections(p.figures.total, p.ruleSet, textParagraphs(p.texts.results, 'Chưa có nội dung.')),
      textSection('II. HẠN CHẾ, KHÓ KHĂN', p.texts.problems),
      textSection('III. ĐỀ XUẤT, KIẾN NGHỊ', p.texts.proposals),
      textSection('IV. ĐỀ NGHỊ KHEN THƯỞNG', p.texts.commendations),
    ],
    signer: p.signer,
    recipients: [`${committeeName(p.superiorName)} (để báo cáo),`, 'Lưu Văn phòng.'],
    annexes: [
      {
        title: 'PHỤ LỤC',
        subtitle: `Số liệu theo đơn vị trực thuộc ${p.unitName}, năm ${p.year}`,
        table: annexTable(p.figures.children, p.figures.total, p.figures.own),
      },
    ],
    meta: { title: `Báo cáo thực hiện Quy định 213-QĐ/TW năm ${p.year} — ${issuer}`, author: issuer },
  };
}

export interface ConsolidatedInput {
  year: number;
  superiorName: string;
  parentName: string | null;
  place: string;
  date: string;
  counts: {
    expected: number;
    submitted: number;
    received: number;
    returned: number;
    late: number;
    notStarted: number;
  };
  deadline: string | null;
  reporters: {
    name: string;
    state: string;
    number: string | null;
    submittedAt: string | null;
    late: boolean;
  }[];
  /** the submitted reports: their totals and texts */
  submitted: { unitName: string; total: ReportSnapshotRow; texts: UnitReportInput['texts'] }[];
  total: SideValues;
  ruleSet: RuleSetDefinition | null;
}

const stateWords: Record<string, string> = {
  not_started: 'Chưa báo cáo',
  draft: 'Chưa báo cáo',
  submitted: 'Đã nộp, chờ tiếp nhận',
  received: 'Đã tiếp nhận',
  returned: 'Trả lại để bổ sung',
};

const day = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');

/** The superior's consolidated report of the year, generated from the reports submitted to it. */
export function consolidatedDocument(p: ConsolidatedInput): OfficialReport {
  const issuer = committeeName(p.superiorName);
  const c = p.counts;
  const opinions = (pick: (t: UnitReportInput['texts']) => string | null) =>
    p.submitted
      .filter((s) => pick(s.texts))
      .map((s) => `${s.unitName}: ${pick(s.texts)!.replace(/\s*\n\s*/g, ' ')}`);
  return {
    number: null,
    superiorName: p.parentName,
    issuerName: issuer,
    place: p.place,
    date: p.date,
    title: 'BÁO CÁO TỔNG HỢP',
    subtitle: `Kết quả thực hiện Quy định số 213-QĐ/TW năm ${p.year} của các đảng bộ trực thuộc`,
    draft: false,
    sections: [
      {
        heading: 'I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐẢNG BỘ TRỰC THUỘC',
        paragraphs: [
          `Có ${c.expected} đảng bộ trực thuộc phải báo cáo${p.deadline ? ` trước ngày ${day(p.deadline)}` : ''}: ${c.received} báo cáo đã tiếp nhận, ${c.submitted} báo cáo đã nộp chờ tiếp nhận, ${c.returned} báo cáo trả lại để bổ sung, ${c.notStarted} đảng bộ chưa báo cáo${c.late ? ` (${c.late} đảng bộ quá hạn)` : ''}. Số liệu dưới đây tổng hợp từ các báo cáo đã nộp.`,
        ],
        tables: [
          {
            table: {
              columns: ['Đảng bộ', 'Tình trạng', 'Số báo cáo', 'Ngày nộp'],
              rows: p.reporters.map((r) => [
                r.name,
                `${stateWords[r.state] ?? r.state}${r.late ? ' (quá hạn)' : ''}`,
                r.number ?? '',
                day(r.submittedAt),
              ]),
              widths: [4, 2.5, 1.5, 1.5],
            },
          },
        ],
      },
      { ...figureSections(p.total, p.ruleSet, []), heading: 'II. SỐ LIỆU TỔNG HỢP TỪ CÁC BÁO CÁO' },
      textSection('III. HẠN CHẾ, KHÓ KHĂN CÁC ĐƠN VỊ NÊU', opinions((t) => t.problems).join('\n')),
      textSection('IV. ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ', opinions((t) => t.proposals).join('\n')),
      textSection('V. ĐỀ NGHỊ KHEN THƯỞNG', opinions((t) => t.commendations).join('\n')),
    ],
    signer: null,
    recipients: [
      ...(p.parentName ? [`${committeeName(p.parentName)} (để báo cáo),`] : []),
      'Các đảng bộ trực thuộc,',
      'Lưu Văn phòng.',
    ],
    annexes: [
      {
        title: 'PHỤ LỤC',
        subtitle: `Số liệu theo báo cáo của từng đảng bộ trực thuộc, năm ${p.year}`,
        table: annexTable(
          p.submitted.map((s) => ({ ...s.total, unitName: s.unitName })),
          { unitId: '', unitName: 'Tổng cộng', ...p.total },
          null,
        ),
      },
    ],
    meta: {
      title: `Báo cáo tổng hợp thực hiện Quy định 213-QĐ/TW năm ${p.year} — ${issuer}`,
      author: issuer,
    },
  };
}

/** Sum of several rows' figures (the consolidated total is the sum of the submitted reports). */
export function sumRows(rows: SideValues[]): SideValues {
  const out: SideValues = { residence: {}, workplace: {}, breakdown: { residence: {}, workplace: {} } };
  for (const r of rows)
    for (const side of ['residence', 'workplace'] as const) {
      for (const [k, n] of Object.entries(r[side])) out[side][k] = (out[side][k] ?? 0) + n;
      for (const [k, n] of Object.entries(r.breakdown[side]))
        out.breakdown[side][k] = (out.breakdown[side][k] ?? 0) + n;
    }
  return out;
}
