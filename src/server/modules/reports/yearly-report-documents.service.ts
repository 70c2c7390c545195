import type { FigureTable, OfficialReport } from '../../documents/official-report';
import { fileSafe } from '../../documents/file-name';
import { renderOfficialReportDocx } from '../../documents/official-report-docx';
import { renderOfficialReportPdf } from '../../documents/official-report-pdf';
import { placeName } from '../../documents/party-names';
import { tablesWorkbook, type SheetSpec } from '../../documents/xlsx';
import type { Actor } from '../../http/actor';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import { reportedStatuses } from '../../../shared/rules/yearly-report';
import { writeAudit } from '../audit/audit.service';
import { ruleSetCodeForYear, ruleSetDefinition } from './dashboard.repository';
import type { FigureDeps } from './figures/figures.service';
import { annexTable, consolidatedDocument, sumRows, unitReportDocument } from './yearly-report-text';
import * as repo from './yearly-reports.repository';
import { loadVisible, submissions } from './yearly-reports.service';

/** The yearly report and the superior's consolidated report as PDF, Word and Excel (official layout). */

type Format = 'pdf' | 'docx' | 'xlsx';

async function render(doc: OfficialReport, format: 'pdf' | 'docx'): Promise<Buffer> {
  return format === 'pdf' ? renderOfficialReportPdf(doc) : renderOfficialReportDocx(doc);
}

/** The annex table as a spreadsheet: the unit column wide, the figures narrow. */
function annexSheet(name: string, title: string, table: FigureTable): SheetSpec {
  const columns = table.columns.map((header, i) => ({ header, width: i === 0 ? 40 : 14 }));
  return { name, title, columns, rows: table.rows, boldRows: table.boldRows };
}

/** The committee's own texts of a report, as the documents take them. */
const ownTexts = (r: {
  results: string | null;
  problems: string | null;
  proposals: string | null;
  commendations: string | null;
}) => ({
  results: r.results,
  problems: r.problems,
  proposals: r.proposals,
  commendations: r.commendations,
});

async function ruleSetOf(deps: FigureDeps, year: number) {
  return ruleSetDefinition(deps.db, await ruleSetCodeForYear(deps.db, year));
}

export async function yearlyReportFile(deps: FigureDeps, actor: Actor, id: string, format: Format) {
  const { report, unit, superior } = await loadVisible(deps, actor, id);
  const name = `bao-cao-213-${report.year}-${fileSafe(unit.name)}${report.status === 'draft' || report.status === 'returned' ? '-du-thao' : ''}`;
  if (format === 'xlsx') {
    const table = annexTable(report.figures.children, report.figures.total, report.figures.own);
    const body = await tablesWorkbook([annexSheet('Phụ lục', `${unit.name} — năm ${report.year}`, table)]);
    return { body, fileName: `${name}.xlsx` };
  }
  const doc = unitReportDocument({
    number: report.number === null ? null : `${report.number}-BC/ĐU`,
    draft: !(reportedStatuses as readonly string[]).includes(report.status),
    year: report.year,
    unitName: unit.name,
    superiorName: superior.name,
    place: placeName(await repo.provinceNameOf(deps.db, unit.path)),
    date: report.submittedAt ? vnDay(new Date(report.submittedAt)) : null,
    figures: report.figures,
    texts: ownTexts(report),
    signer:
      report.signerName && report.signerPosition
        ? { name: report.signerName, position: report.signerPosition }
        : null,
    ruleSet: await ruleSetOf(deps, report.year),
  });
  return { body: await render(doc, format), fileName: `${name}.${format}` };
}

/** Generated from the reports submitted to the superior (received or waiting), never from drafts. */
export async function consolidatedFile(
  deps: FigureDeps,
  actor: Actor,
  query: { unitId: string; year: number },
  format: Format,
) {
  const sub = await submissions(deps, actor, query);
  const superior = (await repo.findUnit(deps.db, sub.superior.id))!;
  const reports = (
    await repo.reportsOf(
      deps.db,
      sub.items.map((i) => i.unit.id),
      sub.year,
    )
  ).filter((r) => (reportedStatuses as readonly string[]).includes(r.status));
  const submitted = sub.items
    .map((i) => ({ item: i, report: reports.find((r) => r.unitId === i.unit.id) }))
    .filter((x) => x.report)
    .map(({ item, report }) => ({
      unitName: item.unit.name,
      total: report!.figures.total,
      texts: ownTexts(report!),
    }));
  const total = sumRows(submitted.map((s) => s.total));
  const parent = await repo.superiorOf(deps.db, superior.path);
  const name = `bao-cao-tong-hop-213-${sub.year}-${fileSafe(superior.name)}`;
  await writeAudit(deps.db, actor, {
    action: 'report.exported',
    entityType: 'consolidated_report',
    entityId: `${superior.id}:${sub.year}`,
    unitId: superior.id,
    after: { format, reports: submitted.length },
  });
  if (format === 'xlsx') {
    const table = annexTable(
      submitted.map((s) => ({ ...s.total, unitName: s.unitName })),
      { unitId: superior.id, unitName: 'Tổng cộng', ...total },
      null,
    );
    const body = await tablesWorkbook([
      annexSheet('Tổng hợp', `${superior.name} — năm ${sub.year}`, table),
      {
        name: 'Tình hình báo cáo',
        columns: [
          { header: 'Đảng bộ', width: 40 },
          { header: 'Tình trạng', width: 22 },
          { header: 'Số báo cáo', width: 14 },
          { header: 'Quá hạn', width: 10 },
        ],
        rows: sub.items.map((i) => [i.unit.name, i.state, i.number ?? '', i.late ? 'x' : '']),
      },
    ]);
    return { body, fileName: `${name}.xlsx` };
  }
  const doc = consolidatedDocument({
    year: sub.year,
    superiorName: superior.name,
    parentName: parent?.name ?? null,
    place: placeName(await repo.provinceNameOf(deps.db, superior.path)),
    date: vnDay(deps.clock.now()),
    counts: sub.counts,
    deadline: sub.deadline?.dueDate ?? null,
    reporters: sub.items.map((i) => ({
      name: i.unit.name,
      state: i.state,
      number: i.number,
      submittedAt: i.submittedAt,
      late: i.late,
    })),
    submitted,
    total,
    ruleSet: await ruleSetOf(deps, sub.year),
  });
  return { body: await render(doc, format), fileName: `${name}.${format}` };
}
