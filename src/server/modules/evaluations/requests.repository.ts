import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isNotValue, isValue, oneOf } from '../../db/sql-values';
import type { OpenCycleResponse } from '../../../shared/contracts/evaluations';
import { cancelledStatus, residenceOpenStatuses } from '../../../shared/rules/evaluation';
import { pathInSubtree } from '../../http/access';
import { activeMemberStatus } from '../org-units/org-units.rules';
import { committeeOfCell } from '../../db/ltree';
import { uuidArray } from './evaluations.repository';

/** The SQL of requests for comments (requests.service.ts holds the rules, the transaction and the audit). */

/** Why a member is not asked for in the routine cycle (null: asked). Art. 2 / Guide 33 categories. */
const skipReasonSql = sql`case when ${isNotValue(sql`m.status`, activeMemberStatus)} then 'inactive' when m.category = 'exempt' then 'exempt'
  when m.category = 'not_introduced' then 'not_introduced' when m.residence_commune_id is null then 'no_residence' end`;

/** The members a cycle asks for (alias m, workplace cell c): under the committee, or the selected ones there. */
export interface CycleScope {
  unitPath: string;
  memberIds?: string[];
}

const scopeSql = (s: CycleScope) =>
  sql`${pathInSubtree(sql`c.path`, s.unitPath)} ${s.memberIds?.length ? sql`and m.id = any(${uuidArray(s.memberIds)})` : sql``}`;

export interface CreatedEvaluation {
  id: string;
  memberId: string;
  cellId: string | null;
  communeId: string;
  workplaceUnitId: string;
}

export interface NewEvaluations {
  cycleId: string | null;
  year: number;
  kind: 'yearly' | 'on_demand';
  purpose: string | null;
  purposeNote: string | null;
  byMember: boolean;
  ruleSetCode: string;
  dueDate: string;
  /** the committee asking; absent: the committee of the member's own cell */
  workplaceUnitId?: string;
  requestedBy: string;
  now: Date;
}

/**
 * Insert evaluations (and their first version) for the eligible members of a cycle's scope, or for one member;
 * duplicates are skipped by the unique indexes.
 */
export async function insertEvaluations(
  tx: Executor,
  v: NewEvaluations,
  members: { scope: CycleScope } | { memberId: string },
): Promise<CreatedEvaluation[]> {
  const now = v.now.toISOString();
  const workplaceUnit = v.workplaceUnitId ? sql`${v.workplaceUnitId}::uuid` : committeeOfCell(sql`c`);
  const where =
    'scope' in members
      ? sql`${scopeSql(members.scope)} and ${skipReasonSql} is null`
      : sql`m.id = ${members.memberId}`;
  return queryRows<CreatedEvaluation>(
    tx,
    sql`with ins as (
          insert into evaluations (cycle_id, member_id, year, kind, purpose, purpose_note, requested_by_member, rule_set_code, form_kind,
            workplace_unit_id, commune_id, cell_id, residence_area_id, due_date, requested_by, requested_at, updated_at)
          select ${v.cycleId}, m.id, ${v.year}, ${v.kind}, ${v.purpose}, ${v.purposeNote}, ${v.byMember}, ${v.ruleSetCode},
            (case when m.category = 'exempt' then 'exempt' else 'full' end)::evaluation_form_kind,
            ${workplaceUnit}, m.residence_commune_id, m.residence_cell_id, m.residence_area_id, ${v.dueDate}::date,
            ${v.requestedBy}, ${now}::timestamptz, ${now}::timestamptz
          from members m join org_units c on c.id = m.cell_id
          where ${where}
          order by m.sort_key collate "C", m.id
          on conflict do nothing
          returning id, member_id, cell_id, commune_id, workplace_unit_id),
        ver as (insert into evaluation_versions (evaluation_id, version, created_by, created_at, updated_at)
          select id, 1, ${v.requestedBy}, ${now}::timestamptz, ${now}::timestamptz from ins)
        select id, member_id as "memberId", cell_id as "cellId", commune_id as "communeId", workplace_unit_id as "workplaceUnitId" from ins`,
  );
}

/** The unit, and whether it lies in `reach` (an access condition over alias u). */
export async function findUnitWithReach(tx: Executor, unitId: string, reach: SQL) {
  const [unit] = await queryRows<{ id: string; name: string; type: string; path: string; inReach: boolean }>(
    tx,
    sql`select u.id, u.name, u.type, u.path::text as path, ${reach} as "inReach" from org_units u where u.id = ${unitId}`,
  );
  return unit;
}

/** One cycle per committee and year; opening again (more members, a later date) reuses it and its rule set. */
export async function upsertCycle(
  tx: Executor,
  c: { unitId: string; year: number; ruleSetCode: string; dueDate: string; openedBy: string; now: Date },
) {
  const [cycle] = await queryRows<{ id: string; ruleSetCode: string; dueDate: string }>(
    tx,
    sql`insert into evaluation_cycles (workplace_unit_id, year, rule_set_code, due_date, opened_by, opened_at)
        values (${c.unitId}, ${c.year}, ${c.ruleSetCode}, ${c.dueDate}, ${c.openedBy}, ${c.now.toISOString()}::timestamptz)
        on conflict (workplace_unit_id, year) do update set due_date = greatest(evaluation_cycles.due_date, excluded.due_date)
        returning id, rule_set_code as "ruleSetCode", to_char(due_date, 'YYYY-MM-DD') as "dueDate"`,
  );
  return cycle!;
}

const scopeFrom = sql`from members m join org_units c on c.id = m.cell_id`;

export async function countScopeMembers(
  tx: Executor,
  scope: CycleScope,
  opts: { eligible?: boolean } = {},
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n ${scopeFrom} where ${scopeSql(scope)} ${opts.eligible ? sql`and ${skipReasonSql} is null` : sql``}`,
  );
  return row!.n;
}

/** Members of the scope the cycle does not ask for, counted by reason. */
export function skippedCounts(tx: Executor, scope: CycleScope) {
  return queryRows<{ reason: string; n: number }>(
    tx,
    sql`select ${skipReasonSql} as reason, count(*)::int as n ${scopeFrom}
        where ${scopeSql(scope)} and ${skipReasonSql} is not null group by 1`,
  );
}

/** The first 50 active members skipped, by name, to show who they are. */
export function skippedSample(tx: Executor, scope: CycleScope) {
  return queryRows<{
    memberId: string;
    fullName: string;
    reason: OpenCycleResponse['skippedSample'][number]['reason'];
  }>(
    tx,
    sql`select m.id as "memberId", m.full_name as "fullName", ${skipReasonSql} as reason ${scopeFrom}
        where ${scopeSql(scope)} and ${skipReasonSql} is not null and ${isValue(sql`m.status`, activeMemberStatus)} order by m.sort_key collate "C", m.id limit 50`,
  );
}

/** Cycles of the committees in `reach` (an access condition over alias u), newest year first. */
export function listCycleRows(db: Executor, reach: SQL, query: { unitId?: string; year?: number }) {
  return queryRows<{
    id: string;
    workplaceUnitId: string;
    workplaceUnitName: string;
    year: number;
    ruleSetCode: string;
    dueDate: string;
    openedAt: Date;
    requested: number;
  }>(
    db,
    sql`select cy.id, cy.workplace_unit_id as "workplaceUnitId", u.name as "workplaceUnitName", cy.year, cy.rule_set_code as "ruleSetCode",
          to_char(cy.due_date, 'YYYY-MM-DD') as "dueDate", cy.opened_at as "openedAt",
          (select count(*)::int from evaluations e where e.cycle_id = cy.id and ${isNotValue(sql`e.status`, cancelledStatus)}) as requested
        from evaluation_cycles cy join org_units u on u.id = cy.workplace_unit_id
        where ${reach} ${query.unitId ? sql`and cy.workplace_unit_id = ${query.unitId}` : sql``} ${query.year ? sql`and cy.year = ${query.year}` : sql``}
        order by cy.year desc, u.name limit 200`,
  );
}

export interface RequestedMember {
  id: string;
  status: string;
  category: string;
  communeId: string | null;
}

/** The member, when `reach` (an access condition over their workplace cell, alias c) holds; else none. */
export async function findMemberOfCell(
  tx: Executor,
  memberId: string,
  reach: SQL,
): Promise<RequestedMember | undefined> {
  const [m] = await queryRows<RequestedMember>(
    tx,
    sql`select m.id, m.status, m.category, m.residence_commune_id as "communeId" from members m join org_units c on c.id = m.cell_id
        where m.id = ${memberId} and ${reach}`,
  );
  return m;
}

export async function findMember(tx: Executor, memberId: string): Promise<RequestedMember | undefined> {
  const [m] = await queryRows<RequestedMember>(
    tx,
    sql`select m.id, m.status, m.category, m.residence_commune_id as "communeId" from members m where m.id = ${memberId}`,
  );
  return m;
}

/** The year's cycle of the committee of the member's cell, if it opened one. */
export async function findCycleOfMember(tx: Executor, memberId: string, year: number) {
  const [cycle] = await queryRows<{ id: string; ruleSetCode: string; dueDate: string }>(
    tx,
    sql`select cy.id, cy.rule_set_code as "ruleSetCode", to_char(cy.due_date, 'YYYY-MM-DD') as "dueDate" from evaluation_cycles cy
        where cy.year = ${year} and cy.workplace_unit_id = (select ${committeeOfCell(sql`c`)} from members mm join org_units c on c.id = mm.cell_id where mm.id = ${memberId})`,
  );
  return cycle;
}

/** The request already there: the year's routine one, or the open one for the purpose (the unique indexes' keys). */
export async function findExistingRequest(
  tx: Executor,
  r: { memberId: string; year: number; kind: 'yearly' | 'on_demand'; purpose: string | null },
) {
  const [existing] = await queryRows<{ id: string }>(
    tx,
    r.kind === 'yearly'
      ? sql`select id from evaluations where member_id = ${r.memberId} and year = ${r.year} and kind = 'yearly' and ${isNotValue(sql`status`, cancelledStatus)}`
      : sql`select id from evaluations where member_id = ${r.memberId} and purpose = ${r.purpose} and kind = 'on_demand' and ${oneOf(sql`status`, residenceOpenStatuses)}`,
  );
  return existing;
}
