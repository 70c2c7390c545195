import type { SideValues } from '../../../shared/contracts/reports';
import type { RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import { ratingGrid } from '../../../shared/rules/report-breakdown';
import {
  attendanceRate,
  commentsReceived,
  percent,
  type FigureKey,
} from '../../../shared/rules/report-figures';
import type { FigureTable } from '../../documents/official-report';
import type { ReportSnapshotRow } from '../../db/schema/reports';
import { figureLabels } from './reports.messages';

/**
 * The figure tables of the yearly report (Art. 5, Guide 33) and of the consolidated report: the subtree's
 * figures on both sides (residence, workplace) by topic, the ratings by criterion, and the annex per child unit.
 */

const vi = (key: FigureKey) => figureLabels[key].vi;
type Values = SideValues['residence'];

/** Year view of a stored row: a half-year figure is the sum of its two halves. */
function value(v: Values, key: FigureKey): number {
  return (v[key] ?? 0) + (v[`${key}H1`] ?? 0) + (v[`${key}H2`] ?? 0);
}

function line(label: string, r: number | string | null, w: number | string | null): (string | number)[] {
  return [label, r ?? '–', w ?? '–'];
}

function sidesTable(rows: (string | number)[][]): FigureTable {
  return { columns: ['Nội dung', 'Nơi cư trú', 'Nơi công tác'], rows, widths: [5, 1.4, 1.4] };
}

export function coverageTable(f: SideValues): FigureTable {
  const both = (key: FigureKey) => line(vi(key), value(f.residence, key), value(f.workplace, key));
  return sidesTable(
    (
      [
        'workingMembers',
        'categoryActive',
        'categoryExempt',
        'categoryNotIntroduced',
        'stagePlaced',
        'stageAwaitingAcknowledgement',
        'stageAwaitingPlacement',
        'stageAwaitingReceipt',
        'stageDraft',
        'stageNotIntroduced',
        'stageRejected',
        'lettersOverdue',
        'notPlaced',
        'livesAway',
        'requestsOpen',
        'lettersIssued',
        'lettersPlaced',
      ] as FigureKey[]
    ).map(both),
  );
}

export function cellLifeTable(f: SideValues): FigureTable {
  const r = f.residence;
  const rate = (v: Values) =>
    attendanceRate({
      attPresent: value(v, 'attPresent'),
      attExcused: value(v, 'attExcused'),
      attUnexcused: value(v, 'attUnexcused'),
    });
  return sidesTable([
    line(vi('cellsTotal'), r.cellsTotal ?? 0, null),
    line(`${vi('cellsMet')} — 6 tháng đầu năm`, r.cellsMetH1 ?? 0, null),
    line(`${vi('cellsMet')} — 6 tháng cuối năm`, r.cellsMetH2 ?? 0, null),
    line(vi('cellsMetBoth'), r.cellsMetBoth ?? 0, null),
    line(vi('meetingsHeld'), value(r, 'meetingsHeld'), null),
    line(vi('meetingsExtraordinary'), value(r, 'meetingsExtraordinary'), null),
    ...(['attPresent', 'attExcused', 'attUnexcused'] as FigureKey[]).map((k) =>
      line(vi(k), value(r, k), value(f.workplace, k)),
    ),
    line('Tỉ lệ tham gia sinh hoạt (%)', formatPercent(rate(r)), formatPercent(rate(f.workplace))),
    ...(['absenceNotices', 'warningsIssued', 'warningsOpen', 'warningsEscalated'] as FigureKey[]).map((k) =>
      line(vi(k), value(r, k), value(f.workplace, k)),
    ),
    line(vi('activities'), value(r, 'activities'), null),
    ...(['contributions', 'contributionDays', 'contributionMoney'] as FigureKey[]).map((k) =>
      line(vi(k), value(r, k), value(f.workplace, k)),
    ),
  ]);
}

export function evaluationTable(f: SideValues): FigureTable {
  const keys: FigureKey[] = [
    'evTotal',
    'evRequested',
    'evDrafted',
    'evReturned',
    'evSigned',
    'evDelivered',
    'evReleased',
    'evDisputed',
    'evOverdue',
    'noComment',
    'evSelfReported',
    'evFlagged',
    'evFlagsRaised',
    'evFlagsJustified',
    'disputesOpened',
    'disputesUpheld',
    'disputesRevised',
    'evContradicts',
    'evOnDemand',
  ];
  return sidesTable(keys.map((k) => line(vi(k), value(f.residence, k), value(f.workplace, k))));
}

/** Confirmed comments by criterion and level, as the rule set of the year words them. */
export function ratingsTable(f: SideValues, def: RuleSetDefinition | null): FigureTable | null {
  if (!def) return null;
  const grid = ratingGrid(def);
  const width = Math.max(...grid.map((c) => c.levels.length));
  const rows = grid.map((c) => [
    c.label.vi,
    ...c.levels.map((l) => `${l.label.vi}: ${f.breakdown.residence[l.breakdownKey] ?? 0}`),
    ...Array(width - c.levels.length).fill(''),
  ]);
  return {
    columns: ['Tiêu chí', ...Array.from({ length: width }, (_, i) => `Mức ${i + 1}`)],
    rows,
    widths: [3, ...Array(width).fill(2)],
  };
}

function formatPercent(p: number | null): string {
  return p === null ? '–' : `${String(p).replace('.', ',')}`;
}

/** Per child unit: the headline figures, for the annex (rows add up to the total). */
export function annexTable(
  rows: ReportSnapshotRow[],
  total: ReportSnapshotRow,
  own: ReportSnapshotRow | null | undefined,
): FigureTable {
  const cells = (r: ReportSnapshotRow) => {
    const res = r.residence;
    const wp = r.workplace;
    const received = commentsReceived({
      evDelivered: res.evDelivered,
      evReleased: res.evReleased,
      evDisputed: res.evDisputed,
    });
    return [
      value(wp, 'workingMembers'),
      value(res, 'workingMembers'),
      value(res, 'placedInCell'),
      formatPercent(percent(value(res, 'placedInCell'), value(res, 'workingMembers'))),
      res.cellsTotal ?? 0,
      res.cellsMetBoth ?? 0,
      value(res, 'meetingsHeld'),
      formatPercent(
        attendanceRate({
          attPresent: value(res, 'attPresent'),
          attExcused: value(res, 'attExcused'),
          attUnexcused: value(res, 'attUnexcused'),
        }),
      ),
      value(res, 'evTotal'),
      received,
      value(res, 'noComment'),
      value(res, 'evContradicts'),
    ];
  };
  const body = [...rows, ...(own ? [{ ...own, unitName: 'Tại đơn vị (chưa về đơn vị trực thuộc)' }] : [])];
  return {
    columns: [
      'Đơn vị',
      'ĐV đang công tác (nơi công tác)',
      'ĐV đang công tác cư trú',
      'Đã về chi bộ',
      'Tỉ lệ (%)',
      'Chi bộ nơi cư trú',
      'Sinh hoạt đủ 2 lần/năm',
      'Buổi sinh hoạt',
      'Tỉ lệ tham gia (%)',
      'Phiếu đã đề nghị',
      'Phiếu đã xác nhận',
      'Chưa có nhận xét',
      'Tốt nơi công tác, chưa tốt nơi cư trú',
    ],
    rows: [...body.map((r) => [r.unitName, ...cells(r)]), ['Tổng cộng', ...cells(total)]],
    boldRows: [body.length],
    widths: [4, ...Array(12).fill(1.2)],
  };
}
