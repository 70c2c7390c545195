import type { z } from 'zod';
import type {
  deadlineBodySchema,
  saveYearlyReportBodySchema,
  Submissions,
  UnitRef,
  YearlyReport,
  yearlyReportListSchema,
} from '../../../shared/contracts/reports';
import {
  canYearlyReport,
  isLate,
  reportedStatuses,
  reportingUnitTypes,
  superiorUnitTypes,
  yearlyReportActionsFor,
  yearlyReportTransition,
  type YearlyReportAction,
  type YearlyReportSide,
} from '../../../shared/rules/yearly-report';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { ReportSnapshot, ReportSnapshotRow } from '../../db/schema/reports';
import { grantsWith, type Actor } from '../../http/actor';
import { reachesReportPath } from '../../http/access';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { childUnits, figureRows } from './dashboard.repository';
import { checkYear, sideValues } from './dashboard.service';
import { refreshMarked, type FigureDeps } from './figures/figures.service';
import * as repo from './yearly-reports.repository';

/**
 * The yearly report on the work (Art. 5, Guide 33): a commune or workplace committee writes it for its
 * subtree (figures filled from the data, texts by hand), signs and submits it to the committee directly
 * above, which receives it or returns it with a reason, sets the deadline and sees who is late.
 * States change only through src/shared/rules/yearly-report.ts; every step is audited.
 */

type Deps = FigureDeps;
const formatNumber = (n: number | null) => (n === null ? null : `${n}-BC/ĐU`);
const ref = (u: repo.UnitBrief): UnitRef => ({ id: u.id, name: u.name, type: u.type });
const isReportingType = (t: string) => (reportingUnitTypes as readonly string[]).includes(t);
const isSuperiorType = (t: string) => (superiorUnitTypes as readonly string[]).includes(t);

/** The committee's own officers write its report (an administrator or a superior does not write it for them). */
function isPreparer(actor: Actor, unitId: string): boolean {
  return grantsWith(actor, 'committee_officer').some((g) => g.unitId === unitId);
}
/** The superior committee's own officers receive and return. */
function isSuperior(actor: Actor, superiorId: string): boolean {
  return grantsWith(actor, 'committee_officer').some((g) => g.unitId === superiorId);
}

/** The unit's figures and those of its child units for the year, as they stand now (marks refreshed first). */
export async function snapshotOf(deps: Deps, unit: repo.UnitBrief, year: number): Promise<ReportSnapshot> {
  await refreshMarked(deps, { withinPath: unit.path, wait: true });
  const children: Awaited<ReturnType<typeof childUnits>> = [];
  for (let after: { name: string; id: string } | null = null; ; ) {
    const page = await childUnits(deps.db, unit.id, after, 500);
    children.push(...page);
    if (page.length < 500) break;
    after = { name: page[page.length - 1]!.name, id: page[page.length - 1]!.id };
  }
  const [tree, own] = await Promise.all([
    figureRows(deps.db, [unit.id, ...children.map((c) => c.id)], 'tree', [0, year]),
    figureRows(deps.db, [unit.id], 'own', [0, year]),
  ]);
  const row = (id: string, name: string, rows: typeof tree): ReportSnapshotRow => ({ unitId: id, unitName: name, ...sideValues(rows.filter((r) => r.unitId === id), year) });
  const ownRow = row(unit.id, unit.name, own);
  const hasOwn = [...Object.values(ownRow.residence), ...Object.values(ownRow.workplace)].some((n) => n !== 0);
  return { total: row(unit.id, unit.name, tree), children: children.map((c) => row(c.id, c.name, tree)), own: hasOwn ? ownRow : null };
}

export async function loadVisible(deps: Deps, actor: Actor, id: string, lock = false) {
  const report = await repo.findReport(deps.db, id, lock);
  if (!report) throw new NotFound('report_not_found');
  const [unit, superior] = await Promise.all([repo.findUnit(deps.db, report.unitId), repo.findUnit(deps.db, report.superiorUnitId)]);
  const preparer = isPreparer(actor, report.unitId);
  // upward, a report is seen once it was sent; a draft stays with its committee
  const upward = reachesReportPath(actor, superior!.path) && report.status !== 'draft';
  if (!preparer && !upward) throw new NotFound('report_not_found');
  return { report, unit: unit!, superior: superior! };
}

function actionsOf(actor: Actor, r: repo.ReportRow): YearlyReportAction[] {
  const sides: YearlyReportSide[] = [];
  if (isPreparer(actor, r.unitId)) sides.push('preparer');
  if (isSuperior(actor, r.superiorUnitId)) sides.push('superior');
  return sides.flatMap((side) => yearlyReportActionsFor(side, r.status));
}

async function present(deps: Deps, actor: Actor, r: repo.ReportRow, unit: repo.UnitBrief, superior: repo.UnitBrief): Promise<YearlyReport> {
  const deadline = await repo.deadlineOf(deps.db, superior.id, r.year);
  const history = await repo.reportHistory(deps.db, r.id);
  return {
    ...summary(r, unit, superior, deadline?.dueDate ?? null, vnDay(deps.clock.now()), actor),
    figures: r.figures,
    history: history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
  };
}

function summary(r: repo.ReportRow, unit: repo.UnitBrief, superior: repo.UnitBrief, deadline: string | null, today: string, actor: Actor) {
  const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);
  return {
    id: r.id,
    unit: ref(unit),
    superior: ref(superior),
    year: r.year,
    status: r.status,
    number: formatNumber(r.number),
    deadline,
    late: isLate(r.status, deadline, today),
    figuresAt: new Date(r.figuresAt).toISOString(),
    results: r.results,
    problems: r.problems,
    proposals: r.proposals,
    commendations: r.commendations,
    signerName: r.signerName,
    signerPosition: r.signerPosition,
    submittedAt: iso(r.submittedAt),
    receivedAt: iso(r.receivedAt),
    returnedAt: iso(r.returnedAt),
    returnReason: r.returnReason,
    updatedAt: new Date(r.updatedAt).toISOString(),
    allowedActions: actionsOf(actor, r),
  };
}

export async function getReport(deps: Deps, actor: Actor, id: string): Promise<YearlyReport> {
  const { report, unit, superior } = await loadVisible(deps, actor, id);
  return present(deps, actor, report, unit, superior);
}

/** The committees the actor writes reports for, with this year's report of each (if started). */
export async function listMine(deps: Deps, actor: Actor, year: number | undefined): Promise<z.infer<typeof yearlyReportListSchema>> {
  const y = checkYear(deps.clock.now(), year);
  const units = (await repo.unitsById(deps.db, grantsWith(actor, 'committee_officer').map((g) => g.unitId!))).filter((u) => isReportingType(u.type));
  const today = vnDay(deps.clock.now());
  const reports = await repo.reportsOf(deps.db, units.map((u) => u.id), y);
  const items = [];
  for (const unit of units) {
    const superior = await repo.superiorOf(deps.db, unit.path);
    const report = reports.find((r) => r.unitId === unit.id) ?? null;
    const deadline = superior ? ((await repo.deadlineOf(deps.db, superior.id, y))?.dueDate ?? null) : null;
    items.push({
      unit: ref(unit),
      superior: superior ? ref(superior) : null,
      deadline,
      report: report && superior ? summary(report, unit, superior, deadline, today, actor) : null,
    });
  }
  return { year: y, items };
}

/** Start (or reopen) the committee's report of the year: one per committee and year, figures taken now. */
export async function startReport(deps: Deps, actor: Actor, body: { unitId: string; year: number }): Promise<YearlyReport> {
  const year = checkYear(deps.clock.now(), body.year);
  const unit = await repo.findUnit(deps.db, body.unitId);
  if (!unit || !reachesReportPath(actor, unit.path)) throw new NotFound('unit_not_found');
  if (!isPreparer(actor, unit.id)) throw new Forbidden('report_preparer_only');
  if (!isReportingType(unit.type)) throw new Invalid('report_unit_not_reporting', { unitId: 'report.unitNotReporting' });
  const superior = await repo.superiorOf(deps.db, unit.path);
  if (!superior) throw new Invalid('report_no_superior', { unitId: 'report.noSuperior' });
  const existing = await repo.reportOf(deps.db, unit.id, year);
  if (existing) return present(deps, actor, existing, unit, superior);
  const figures = await snapshotOf(deps, unit, year);
  await deps.db.transaction(async (tx) => {
    await repo.insertReport(tx, { unitId: unit.id, superiorUnitId: superior.id, year, figures, figuresAt: deps.clock.now(), createdBy: actor.userId });
    const created = await repo.reportOf(tx, unit.id, year);
    await writeAudit(tx, actor, { action: 'yearly_report.started', entityType: 'yearly_report', entityId: created!.id, unitId: unit.id, after: { year } });
  });
  return present(deps, actor, (await repo.reportOf(deps.db, unit.id, year))!, unit, superior);
}

type SaveBody = z.infer<typeof saveYearlyReportBodySchema>;

export async function saveReport(deps: Deps, actor: Actor, id: string, body: SaveBody): Promise<YearlyReport> {
  const { unit, superior } = await loadVisible(deps, actor, id);
  if (!isPreparer(actor, unit.id)) throw new Forbidden('report_preparer_only');
  const figures = body.refreshFigures ? await snapshotOf(deps, unit, (await repo.findReport(deps.db, id))!.year) : undefined;
  await deps.db.transaction(async (tx) => {
    const report = (await repo.findReport(tx, id, true))!;
    if (!canYearlyReport('save', report.status)) throw new Conflict('report_wrong_state', { status: report.status });
    if (new Date(report.updatedAt).toISOString() !== body.updatedAt) throw new Conflict('report_changed');
    const texts = { results: body.results, problems: body.problems, proposals: body.proposals, commendations: body.commendations, signerName: body.signerName, signerPosition: body.signerPosition };
    await repo.updateReport(tx, id, { ...clean(texts), ...(figures ? { figures, figuresAt: deps.clock.now() } : {}) }, deps.clock.now());
    await writeAudit(tx, actor, { action: 'yearly_report.saved', entityType: 'yearly_report', entityId: id, unitId: unit.id, after: { refreshedFigures: !!figures } });
  });
  return present(deps, actor, (await repo.findReport(deps.db, id))!, unit, superior);
}

function clean<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Sign and send: the figures are taken once more and frozen, the report gets its number. A repeat changes nothing. */
export async function submitReport(deps: Deps, actor: Actor, id: string): Promise<YearlyReport> {
  const { report: seen, unit, superior } = await loadVisible(deps, actor, id);
  if (!isPreparer(actor, unit.id)) throw new Forbidden('report_preparer_only');
  if ((reportedStatuses as readonly string[]).includes(seen.status)) return present(deps, actor, seen, unit, superior);
  const missing: Record<string, string> = {};
  if (!seen.results || seen.results.trim().length < 20) missing.results = 'report.resultsRequired';
  if (!seen.signerName) missing.signerName = 'report.signerRequired';
  if (!seen.signerPosition) missing.signerPosition = 'report.signerRequired';
  if (Object.keys(missing).length) throw new Invalid('report_incomplete', missing);
  const figures = await snapshotOf(deps, unit, seen.year);
  await deps.db.transaction(async (tx) => {
    const report = (await repo.findReport(tx, id, true))!;
    if ((reportedStatuses as readonly string[]).includes(report.status)) return;
    if (!canYearlyReport('submit', report.status)) throw new Conflict('report_wrong_state', { status: report.status });
    const number = report.number ?? (await repo.nextReportNumber(tx, unit.id, report.year));
    const now = deps.clock.now();
    await repo.updateReport(tx, id, { status: yearlyReportTransition('submit').to!, number, figures, figuresAt: now, submittedAt: now, submittedBy: actor.userId }, now);
    await writeAudit(tx, actor, { action: 'yearly_report.submitted', entityType: 'yearly_report', entityId: id, unitId: unit.id, before: { status: report.status }, after: { status: 'submitted', number: formatNumber(number) } });
    const officers = await repo.officersOf(tx, [superior.id]);
    await notify(tx, { userIds: officers.map((o) => o.userId), kind: 'yearly_report_submitted', params: { unit: unit.name, year: report.year }, link: `/reports/yearly/${id}`, email: true });
  });
  return present(deps, actor, (await repo.findReport(deps.db, id))!, unit, superior);
}

/** The superior receives the report, or returns it with a reason (the committee corrects and sends it again). */
export async function decideReport(deps: Deps, actor: Actor, id: string, action: 'receive' | 'return', reason?: string): Promise<YearlyReport> {
  const { report: seen, unit, superior } = await loadVisible(deps, actor, id);
  if (!isSuperior(actor, superior.id)) throw new Forbidden('report_superior_only');
  const transition = yearlyReportTransition(action);
  if (seen.status === transition.to) return present(deps, actor, seen, unit, superior);
  await deps.db.transaction(async (tx) => {
    const report = (await repo.findReport(tx, id, true))!;
    if (report.status === transition.to) return;
    if (!canYearlyReport(action, report.status)) throw new Conflict('report_wrong_state', { status: report.status });
    const now = deps.clock.now();
    await repo.updateReport(
      tx,
      id,
      action === 'receive'
        ? { status: transition.to!, receivedAt: now, receivedBy: actor.userId }
        : { status: transition.to!, returnedAt: now, returnedBy: actor.userId, returnReason: reason ?? null },
      now,
    );
    await writeAudit(tx, actor, {
      action: `yearly_report.${action === 'receive' ? 'received' : 'returned'}`,
      entityType: 'yearly_report',
      entityId: id,
      unitId: unit.id,
      before: { status: report.status },
      after: { status: transition.to, ...(reason ? { reason } : {}) },
    });
    const officers = await repo.officersOf(tx, [unit.id]);
    await notify(tx, {
      userIds: officers.map((o) => o.userId),
      kind: action === 'receive' ? 'yearly_report_received' : 'yearly_report_returned',
      params: { superior: superior.name, year: report.year, reason: reason ?? null },
      link: `/reports/yearly/${id}`,
      email: action === 'return',
    });
  });
  return present(deps, actor, (await repo.findReport(deps.db, id))!, unit, superior);
}

/** The superior's view: every committee that reports to it, where its report stands, who is late. */
export async function submissions(deps: Deps, actor: Actor, query: { unitId?: string; year?: number }): Promise<Submissions> {
  const year = checkYear(deps.clock.now(), query.year);
  const superiors = (await repo.unitsById(deps.db, grantsWith(actor, 'committee_officer').map((g) => g.unitId!))).filter((u) => isSuperiorType(u.type));
  const superior = query.unitId ? await repo.findUnit(deps.db, query.unitId) : [...superiors].sort((a, b) => a.path.length - b.path.length)[0];
  if (!superior || !reachesReportPath(actor, superior.path) || !isSuperiorType(superior.type)) throw new NotFound('unit_not_found');
  const reporters = await repo.reportersOf(deps.db, superior);
  const reports = await repo.reportsOf(deps.db, reporters.map((u) => u.id), year);
  const deadline = await repo.deadlineOf(deps.db, superior.id, year);
  const today = vnDay(deps.clock.now());
  const items = reporters.map((u) => {
    const r = reports.find((x) => x.unitId === u.id);
    // a draft is the committee's own business: upward it reads "not yet submitted"
    const state = !r ? ('not_started' as const) : r.status;
    return {
      unit: ref(u),
      state,
      late: isLate(state, deadline?.dueDate ?? null, today),
      reportId: r && r.status !== 'draft' ? r.id : null,
      number: r ? formatNumber(r.number) : null,
      submittedAt: r?.submittedAt ? new Date(r.submittedAt).toISOString() : null,
    };
  });
  const countOf = (p: (i: (typeof items)[number]) => boolean) => items.filter(p).length;
  return {
    superior: ref(superior),
    year,
    deadline,
    superiors: superiors.map(ref),
    counts: {
      expected: items.length,
      submitted: countOf((i) => i.state === 'submitted'),
      received: countOf((i) => i.state === 'received'),
      returned: countOf((i) => i.state === 'returned'),
      late: countOf((i) => i.late),
      notStarted: countOf((i) => i.state === 'not_started' || i.state === 'draft'),
    },
    items,
  };
}

export async function setDeadline(deps: Deps, actor: Actor, body: z.infer<typeof deadlineBodySchema>): Promise<Submissions> {
  const year = checkYear(deps.clock.now(), body.year);
  const superior = await repo.findUnit(deps.db, body.unitId);
  if (!superior || !reachesReportPath(actor, superior.path)) throw new NotFound('unit_not_found');
  if (!isSuperior(actor, superior.id)) throw new Forbidden('report_superior_only');
  if (body.dueDate < vnDay(deps.clock.now())) throw new Invalid('report_deadline_past', { dueDate: 'report.deadlinePast' });
  await deps.db.transaction(async (tx) => {
    const before = await repo.deadlineOf(tx, superior.id, year);
    await repo.upsertDeadline(tx, { superiorId: superior.id, year, dueDate: body.dueDate, note: body.note ?? null, setBy: actor.userId });
    await writeAudit(tx, actor, { action: 'report_deadline.set', entityType: 'report_deadline', entityId: `${superior.id}:${year}`, unitId: superior.id, before, after: { dueDate: body.dueDate } });
    if (before?.dueDate === body.dueDate) return;
    const reporters = await repo.reportersOf(tx, superior);
    const officers = await repo.officersOf(tx, reporters.map((u) => u.id));
    await notify(tx, { userIds: officers.map((o) => o.userId), kind: 'yearly_report_deadline', params: { superior: superior.name, year, dueDate: body.dueDate.split('-').reverse().join('/') }, link: '/reports/yearly', email: true });
  });
  return submissions(deps, actor, { unitId: superior.id, year });
}
