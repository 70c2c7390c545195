import { sql, type SQL } from 'drizzle-orm';
import type { UnitType } from '../../../shared/contracts/org-units';
import { reportingUnitTypes, superiorUnitTypes, type YearlyReportStatus } from '../../../shared/rules/yearly-report';
import { queryRows, type Executor } from '../../db/client';
import type { ReportSnapshot } from '../../db/schema/reports';
import { isActiveUnit, oneOf, uuidList } from '../../db/sql-values';

/** Queries of the yearly report upward (Art. 5): reports, their superior, the deadline, who reports to whom. */

export interface UnitBrief {
  id: string;
  name: string;
  type: UnitType;
  path: string;
}

export interface ReportRow {
  id: string;
  unitId: string;
  superiorUnitId: string;
  year: number;
  status: YearlyReportStatus;
  number: number | null;
  figures: ReportSnapshot;
  figuresAt: string;
  results: string | null;
  problems: string | null;
  proposals: string | null;
  commendations: string | null;
  signerName: string | null;
  signerPosition: 'secretary' | 'deputy_secretary' | null;
  submittedAt: string | null;
  receivedAt: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  updatedAt: string;
}

const REPORT_COLUMNS = sql`r.id, r.unit_id as "unitId", r.superior_unit_id as "superiorUnitId", r.year, r.status, r.number, r.figures,
  r.figures_at as "figuresAt", r.results, r.problems, r.proposals, r.commendations, r.signer_name as "signerName",
  r.signer_position as "signerPosition", r.submitted_at as "submittedAt", r.received_at as "receivedAt", r.returned_at as "returnedAt",
  r.return_reason as "returnReason", r.updated_at as "updatedAt"`;

const unitColumns = sql`id, name, type, path::text as path`;

export async function findUnit(db: Executor, id: string): Promise<UnitBrief | undefined> {
  const [u] = await queryRows<UnitBrief>(db, sql`select ${unitColumns} from org_units where id = ${id}`);
  return u;
}

export async function unitsById(db: Executor, ids: string[]): Promise<UnitBrief[]> {
  if (ids.length === 0) return [];
  return queryRows<UnitBrief>(db, sql`select ${unitColumns} from org_units where id = any(${uuidList(ids)})`);
}

/** The committee a unit reports to: the nearest ancestor that is a province, bloc, district or commune committee. */
export async function superiorOf(db: Executor, path: string): Promise<UnitBrief | undefined> {
  const [u] = await queryRows<UnitBrief>(
    db,
    sql`select ${unitColumns} from org_units where path @> ${path}::ltree and path <> ${path}::ltree
          and ${oneOf(sql`type`, superiorUnitTypes)} order by nlevel(path) desc limit 1`,
  );
  return u;
}

/** The committees that report to `superior`: reporting committees below it with no superior committee in between. */
export async function reportersOf(db: Executor, superior: UnitBrief): Promise<UnitBrief[]> {
  return queryRows<UnitBrief>(
    db,
    sql`select u.id, u.name, u.type, u.path::text as path from org_units u
        where u.path <@ ${superior.path}::ltree and u.id <> ${superior.id} and ${isActiveUnit(sql`u.status`)} and ${oneOf(sql`u.type`, reportingUnitTypes)}
          and not exists (select 1 from org_units x where ${oneOf(sql`x.type`, superiorUnitTypes)} and u.path <@ x.path and x.path <@ ${superior.path}::ltree
            and x.id <> ${superior.id} and x.id <> u.id)
        order by u.name collate "C", u.id`,
  );
}

export async function findReport(db: Executor, id: string, lock = false): Promise<ReportRow | undefined> {
  const [r] = await queryRows<ReportRow>(db, sql`select ${REPORT_COLUMNS} from yearly_reports r where r.id = ${id} ${lock ? sql`for update` : sql``}`);
  return r;
}

export async function reportOf(db: Executor, unitId: string, year: number): Promise<ReportRow | undefined> {
  const [r] = await queryRows<ReportRow>(db, sql`select ${REPORT_COLUMNS} from yearly_reports r where r.unit_id = ${unitId} and r.year = ${year}`);
  return r;
}

export async function reportsOf(db: Executor, unitIds: string[], year: number): Promise<ReportRow[]> {
  if (unitIds.length === 0) return [];
  return queryRows<ReportRow>(db, sql`select ${REPORT_COLUMNS} from yearly_reports r where r.unit_id = any(${uuidList(unitIds)}) and r.year = ${year}`);
}

/** A new draft, or nothing when the unit's report of the year exists already (a retried start makes one). */
export async function insertReport(
  tx: Executor,
  v: { unitId: string; superiorUnitId: string; year: number; figures: ReportSnapshot; figuresAt: Date; createdBy: string },
): Promise<void> {
  await tx.execute(sql`insert into yearly_reports (unit_id, superior_unit_id, year, figures, figures_at, created_by)
    values (${v.unitId}, ${v.superiorUnitId}, ${v.year}, ${JSON.stringify(v.figures)}::jsonb, ${v.figuresAt.toISOString()}::timestamptz, ${v.createdBy})
    on conflict (unit_id, year) do nothing`);
}

export type ReportPatch = Partial<{
  status: YearlyReportStatus;
  number: number;
  figures: ReportSnapshot;
  figuresAt: Date;
  results: string | null;
  problems: string | null;
  proposals: string | null;
  commendations: string | null;
  signerName: string | null;
  signerPosition: string | null;
  submittedAt: Date;
  submittedBy: string;
  receivedAt: Date;
  receivedBy: string;
  returnedAt: Date;
  returnedBy: string;
  returnReason: string | null;
}>;

const PATCH_COLUMNS: Record<keyof ReportPatch, string> = {
  status: 'status',
  number: 'number',
  figures: 'figures',
  figuresAt: 'figures_at',
  results: 'results',
  problems: 'problems',
  proposals: 'proposals',
  commendations: 'commendations',
  signerName: 'signer_name',
  signerPosition: 'signer_position',
  submittedAt: 'submitted_at',
  submittedBy: 'submitted_by',
  receivedAt: 'received_at',
  receivedBy: 'received_by',
  returnedAt: 'returned_at',
  returnedBy: 'returned_by',
  returnReason: 'return_reason',
};

export async function updateReport(tx: Executor, id: string, patch: ReportPatch, now: Date): Promise<void> {
  const sets: SQL[] = [sql`updated_at = ${now.toISOString()}::timestamptz`];
  for (const [key, value] of Object.entries(patch) as [keyof ReportPatch, unknown][]) {
    if (value === undefined) continue;
    const column = sql.raw(PATCH_COLUMNS[key]);
    if (key === 'figures') sets.push(sql`${column} = ${JSON.stringify(value)}::jsonb`);
    else if (value instanceof Date) sets.push(sql`${column} = ${value.toISOString()}::timestamptz`);
    else sets.push(sql`${column} = ${value as string | number | null}`);
  }
  await tx.execute(sql`update yearly_reports set ${sql.join(sets, sql`, `)} where id = ${id}`);
}

/** `N-BC/ĐU`: numbered per committee per year, like the letters (counter kind BC). */
export async function nextReportNumber(tx: Executor, unitId: string, year: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`insert into letter_counters (unit_id, year, kind, last_number) values (${unitId}, ${year}, 'BC', 1)
        on conflict (unit_id, year, kind) do update set last_number = letter_counters.last_number + 1
        returning last_number as n`,
  );
  return row!.n;
}

export async function deadlineOf(db: Executor, superiorId: string, year: number): Promise<{ dueDate: string; note: string | null } | null> {
  const [row] = await queryRows<{ dueDate: string; note: string | null }>(
    db,
    sql`select to_char(due_date, 'YYYY-MM-DD') as "dueDate", note from report_deadlines where superior_unit_id = ${superiorId} and year = ${year}`,
  );
  return row ?? null;
}

export async function deadlinesOf(db: Executor, superiorIds: string[], year: number): Promise<Map<string, string>> {
  if (superiorIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; dueDate: string }>(
    db,
    sql`select superior_unit_id as id, to_char(due_date, 'YYYY-MM-DD') as "dueDate" from report_deadlines
        where superior_unit_id = any(${uuidList(superiorIds)}) and year = ${year}`,
  );
  return new Map(rows.map((r) => [r.id, r.dueDate]));
}

export async function upsertDeadline(tx: Executor, v: { superiorId: string; year: number; dueDate: string; note: string | null; setBy: string }): Promise<void> {
  await tx.execute(sql`insert into report_deadlines (superior_unit_id, year, due_date, note, set_by, set_at)
    values (${v.superiorId}, ${v.year}, ${v.dueDate}::date, ${v.note}, ${v.setBy}, now())
    on conflict (superior_unit_id, year) do update set due_date = excluded.due_date, note = excluded.note, set_by = excluded.set_by, set_at = excluded.set_at`);
}

/** The report's steps as the audit log has them, with who took them. */
export async function reportHistory(db: Executor, id: string) {
  return queryRows<{ at: string; action: string; actorName: string | null; note: string | null }>(
    db,
    sql`select a.at, a.action, u.display_name as "actorName", a.after ->> 'reason' as note
        from audit_log a left join users u on u.id = a.actor_user_id
        where a.entity_type = 'yearly_report' and a.entity_id = ${id} order by a.id`,
  );
}

/** Active committee officers granted on these units, for notifications. */
export async function officersOf(db: Executor, unitIds: string[]): Promise<{ unitId: string; userId: string }[]> {
  if (unitIds.length === 0) return [];
  return queryRows<{ unitId: string; userId: string }>(
    db,
    sql`select distinct rg.unit_id as "unitId", rg.user_id as "userId" from role_grants rg join users u on u.id = rg.user_id
        where rg.role = 'committee_officer' and rg.revoked_at is null and u.is_active and rg.unit_id = any(${uuidList(unitIds)})`,
  );
}

/** The province a unit lies in (for the place on the date line), the unit itself included. */
export async function provinceNameOf(db: Executor, path: string): Promise<string | null> {
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`select name from org_units where path @> ${path}::ltree and type = 'province_committee' order by nlevel(path) limit 1`,
  );
  return row?.name ?? null;
}
