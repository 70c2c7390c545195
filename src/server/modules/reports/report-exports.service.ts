import type { DashboardQuery, DashboardRow, DrillQuery, SideValues } from '../../../shared/contracts/reports';
import type { Locale } from '../../../shared/contracts/auth';
import { figureColumns, type FigureColumn } from '../../../shared/rules/report-columns';
import { describeBreakdownKey } from '../../../shared/rules/report-breakdown';
import { reportFigures, reportSides, type ReportSide } from '../../../shared/rules/report-figures';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import { formatDate, tablesWorkbook, type SheetSpec } from '../../documents/xlsx';
import type { Actor } from '../../http/actor';
import { hasMessage, translate } from '../../i18n/messages';
import { writeAudit } from '../audit/audit.service';
import { getDashboard } from './dashboard.service';
import { ruleSetDefinition } from './dashboard.repository';
import { drillList } from './drill.service';
import type { FigureDeps } from './figures/figures.service';
import { figureLabels } from './reports.messages';

/** Every dashboard table and every list behind a figure as Excel; each export is audited (who took what). */

const MAX_EXPORT_ROWS = 100_000;

export function columnLabel(locale: Locale, c: FigureColumn): string {
  const label = figureLabels[c.key][locale];
  return c.half ? `${label} (${translate(locale, 'report.xlsx.half', { half: c.half })})` : label;
}

/** The columns a side shows: the figures counted on that side. */
export function sideColumns(side: ReportSide): FigureColumn[] {
  return figureColumns.filter((c) => (reportFigures[c.key].sides as readonly ReportSide[]).includes(side));
}

function fileStamp(deps: FigureDeps) {
  return vnDay(deps.clock.now()).replace(/-/g, '');
}

export async function dashboardWorkbook(deps: FigureDeps, actor: Actor, query: DashboardQuery) {
  const loc = actor.locale;
  const first = await getDashboard(deps, actor, { ...query, cursor: undefined });
  const children: DashboardRow[] = [...first.children];
  for (let cursor = first.nextCursor; cursor;) {
    const page = await getDashboard(deps, actor, { ...query, cursor });
    children.push(...page.children);
    cursor = page.nextCursor;
  }
  const unitName = first.unit?.name ?? translate(loc, 'report.xlsx.national');
  const title = `${unitName} · ${translate(loc, 'report.xlsx.year', { year: first.year })} · ${translate(loc, 'report.xlsx.asOf', { at: formatDate(first.asOf) })}`;
  const tableRows = (side: ReportSide, pick: (v: SideValues) => Record<string, number>) => {
    const cols = sideColumns(side);
    const line = (name: string, v: SideValues) => [name, ...cols.map((c) => pick(v)[c.column] ?? 0)];
    return [
      line(translate(loc, 'report.xlsx.total'), first.total),
      ...(first.own ? [line(translate(loc, 'report.xlsx.own'), first.own)] : []),
      ...children.map((c) => line(c.unitName, c)),
    ];
  };
  const def = await ruleSetDefinition(deps.db, first.ruleSetCode);
  const sheets: SheetSpec[] = reportSides.map((side) => ({
    name: translate(loc, `report.xlsx.side.${side}`),
    title,
    columns: [
      { header: translate(loc, 'report.xlsx.unit'), width: 40 },
      ...sideColumns(side).map((c) => ({ header: columnLabel(loc, c), width: 16 })),
    ],
    rows: tableRows(side, (v) => v[side]),
    boldRows: [0],
  }));
  const keys = [...new Set(reportSides.flatMap((s) => Object.keys(first.total.breakdown[s])))].sort();
  sheets.push({
    name: translate(loc, 'report.xlsx.breakdown'),
    title,
    columns: [
      { header: translate(loc, 'report.xlsx.key'), width: 60 },
      ...reportSides.map((s) => ({
        header: `${translate(loc, 'report.xlsx.count')} — ${translate(loc, `report.xlsx.side.${s}`)}`,
        width: 18,
      })),
    ],
    rows: keys.map((k) => [
      breakdownLabel(loc, def, k),
      ...reportSides.map((s) => first.total.breakdown[s][k] ?? 0),
    ]),
  });
  const body = await tablesWorkbook(sheets);
  await writeAudit(deps.db, actor, [
    {
      action: 'report.exported',
      entityType: 'dashboard',
      entityId: first.unit?.id ?? 'national',
      unitId: first.unit?.id ?? null,
      after: { year: first.year, rows: children.length },
    },
  ]);
  return { body, fileName: `so-lieu-213-${first.year}-${fileStamp(deps)}.xlsx` };
}

export function breakdownLabel(
  loc: Locale,
  def: Parameters<typeof describeBreakdownKey>[0],
  key: string,
): string {
  const item = describeBreakdownKey(def, key);
  if (!item) return key;
  const tone = (t: string) => translate(loc, `report.tone.${t}`);
  switch (item.kind) {
    case 'r':
      return `${item.criterionLabel?.[loc] ?? item.criterion}: ${item.levelLabel?.[loc] ?? item.level}`;
    case 'o':
      return translate(loc, 'report.overall', { tone: tone(item.tone) });
    case 'c':
      return translate(loc, 'report.classification', { level: item.levelLabel?.[loc] ?? item.level });
    case 'x':
      return translate(loc, 'report.cross', {
        level: item.levelLabel?.[loc] ?? item.level,
        tone: tone(item.tone),
      });
  }
}

function cellValue(loc: Locale, column: string, value: string | number | null): string | number | null {
  if (value === null || typeof value === 'number') return value;
  const key = `report.value.${column}.${value}`;
  if (hasMessage(key)) return translate(loc, key);
  if (/^\d{4}-\d{2}-\d{2}/.test(value))
    return /T|\s\d{2}:/.test(value)
      ? `${formatDate(value)} ${new Date(value).toISOString().slice(11, 16)}`
      : formatDate(value);
  return value;
}

export async function drillWorkbook(
  deps: FigureDeps,
  actor: Actor,
  query: Omit<DrillQuery, 'cursor' | 'limit'>,
) {
  const loc = actor.locale;
  let page = await drillList(deps, actor, { ...query, limit: 200 });
  const rows: (string | number | null)[][] = [];
  for (;;) {
    for (const r of page.items)
      rows.push([rows.length + 1, ...page.columns.map((c) => cellValue(loc, c, r.values[c] ?? null))]);
    if (!page.nextCursor || rows.length >= MAX_EXPORT_ROWS) break;
    page = await drillList(deps, actor, { ...query, cursor: page.nextCursor, limit: 200 });
  }
  const body = await tablesWorkbook([
    {
      name: figureLabels[query.figure as keyof typeof figureLabels]?.[loc] ?? query.figure,
      title: `${page.unit?.name ?? translate(loc, 'report.xlsx.national')} · ${translate(loc, 'report.xlsx.year', { year: page.year })}`,
      columns: [
        { header: translate(loc, 'report.xlsx.no'), width: 6 },
        ...page.columns.map((c) => ({ header: translate(loc, `report.column.${c}`), width: 24 })),
      ],
      rows,
    },
  ]);
  await writeAudit(deps.db, actor, [
    {
      action: 'report.exported',
      entityType: 'report_list',
      entityId: query.figure,
      unitId: page.unit?.id ?? null,
      after: { year: page.year, side: query.side, rows: rows.length },
    },
  ]);
  return {
    body,
    fileName: `danh-sach-${query.figure.replace(/[^a-zA-Z0-9]+/g, '-')}-${fileStamp(deps)}.xlsx`,
  };
}
