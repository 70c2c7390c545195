import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../../db/client';
import { isNotValue, oneOf } from '../../db/sql-values';
import { cancelledStatus, requestedStatus, residenceOpenStatuses } from '../../../shared/rules/evaluation';
import type { Clock } from '../../context';
import type { OnDemandBody, OpenCycleBody, OpenCycleResponse } from '../../../shared/contracts/evaluations';
import type { RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import { grantsWith, type Actor } from '../../http/actor';
import { Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { committeeOfCell, usersOfMembers, usersOnUnits } from '../introductions/letters.repository';
import { notifyEach, type NotificationItem } from '../notifications/notifications.service';
import { pathInReach } from './evaluations.access';
import { perPerson } from './evaluations.repository';
import { getRuleSet, ruleSetForYear } from './rule-sets.service';

/**
 * Requests for comments (Art. 3.4, 2.7): the workplace opens the year's cycle for its members in one
 * set-based statement, asks on demand for a purpose, or the member asks for their own — never by proxy.
 * Where a request goes (commune and cell of residence) is read from the member's record at that moment.
 */

export interface EvaluationDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  documentSecret: string;
}

const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** yyyy-mm-dd on Vietnam's calendar. */
export function vnDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
export const vnYear = (at: Date) => Number(vnDay(at).slice(0, 4));

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Why a member is not asked for in the routine cycle (null: asked). Art. 2 / Guide 33 categories. */
const skipReasonSql = sql`case when m.status <> 'active' then 'inactive' when m.category = 'exempt' then 'exempt'
  when m.category = 'not_introduced' then 'not_introduced' when m.residence_commune_id is null then 'no_residence' end`;

interface Created {
  id: string;
  memberId: string;
  cellId: string | null;
  communeId: string;
  workplaceUnitId: string;
}

/** Insert evaluations for the members `where` selects (alias m, workplace cell c); duplicates are skipped by the unique indexes. */
async function insertEvaluations(
  tx: Executor,
  actor: Actor,
  v: { cycleId: string | null; year: number; kind: 'yearly' | 'on_demand'; purpose: string | null; purposeNote: string | null; byMember: boolean; ruleSet: RuleSetDefinition; dueDate: string; workplaceUnit: SQL; now: Date },
  where: SQL,
): Promise<Created[]> {
  const now = v.now.toISOString();
  const created = await queryRows<Created>(
    tx,
    sql`with ins as (
          insert into evaluations (cycle_id, member_id, year, kind, purpose, purpose_note, requested_by_member, rule_set_code, form_kind,
            workplace_unit_id, commune_id, cell_id, residence_area_id, due_date, requested_by, requested_at, updated_at)
          select ${v.cycleId}, m.id, ${v.year}, ${v.kind}, ${v.purpose}, ${v.purposeNote}, ${v.byMember}, ${v.ruleSet.code},
            (case when m.category = 'exempt' then 'exempt' else 'full' end)::evaluation_form_kind,
            ${v.workplaceUnit}, m.residence_commune_id, m.residence_cell_id, m.residence_area_id, ${v.dueDate}::date,
            ${actor.userId}, ${now}::timestamptz, ${now}::timestamptz
          from members m join org_units c on c.id = m.cell_id
          where ${where}
          order by m.sort_key collate "C", m.id
          on conflict do nothing
          returning id, member_id, cell_id, commune_id, workplace_unit_id),
        ver as (insert into evaluation_versions (evaluation_id, version, created_by, created_at, updated_at)
          select id, 1, ${actor.userId}, ${now}::timestamptz, ${now}::timestamptz from ins)
        select id, member_id as "memberId", cell_id as "cellId", commune_id as "communeId", workplace_unit_id as "workplaceUnitId" from ins`,
  );
  await writeAudit(
    tx,
    actor,
    created.map((c) => ({
      action: 'evaluation.requested',
      entityType: 'evaluation',
      entityId: c.id,
      unitId: c.workplaceUnitId,
      after: { status: requestedStatus, memberId: c.memberId, kind: v.kind, purpose: v.purpose, year: v.year, cycleId: v.cycleId, byMember: v.byMember },
    })),
  );
  return created;
}

/** Tell the cells (and the commune where no cell is known yet) and the members that comments are wanted. */
async function announce(tx: Executor, created: Created[], dueDate: string, year: number) {
  if (created.length === 0) return;
  const cells = await usersOnUnits(tx, 'cell_secretary', created.flatMap((c) => (c.cellId ? [c.cellId] : [])));
  const communes = await usersOnUnits(tx, 'committee_officer', created.map((c) => c.communeId));
  const members = await usersOfMembers(tx, created.map((c) => c.memberId));
  const count = (f: (c: Created) => boolean) => created.filter(f).length;
  const items: NotificationItem[] = [
    ...perPerson(
      cells.map((u) => ({ userId: u.userId, kind: 'evaluation_requested_cell', params: { count: count((c) => c.cellId === u.unitId), year, due: dueDate } })),
      '/evaluations',
    ),
    ...perPerson(
      communes.map((u) => ({ userId: u.userId, kind: 'evaluation_requested_commune', params: { count: count((c) => c.communeId === u.unitId), year, due: dueDate } })),
      '/evaluations',
    ),
    ...members.map((u) => ({ userId: u.userId, kind: 'evaluation_requested_member', params: { year, due: dueDate }, link: '/my-evaluation' })),
  ];
  await notifyEach(tx, items, { email: true });
}

async function requireWorkplaceUnit(tx: Executor, actor: Actor, unitId: string) {
  const [unit] = await queryRows<{ id: string; name: string; type: string; path: string; inReach: boolean }>(
    tx,
    sql`select u.id, u.name, u.type, u.path::text as path,
          ${pathInReach(actor, grantsWith(actor, 'committee_officer'), sql`u.path`)} as "inReach"
        from org_units u where u.id = ${unitId}`,
  );
  if (!unit?.inReach) throw new NotFound('unit_not_found');
  if (unit.type !== 'workplace_committee') throw new Invalid('evaluation_unit_not_workplace', { unitId: 'evaluation.unitNotWorkplace' });
  return unit;
}

/** Art. 3.4: the workplace committee asks for every active working member's comment (or the selected ones). */
export async function openCycle(deps: EvaluationDeps, actor: Actor, body: OpenCycleBody): Promise<OpenCycleResponse> {
  const now = deps.clock.now();
  const today = vnDay(now);
  const result = await deps.db.transaction(async (tx) => {
    const unit = await requireWorkplaceUnit(tx, actor, body.unitId);
    if (body.year > vnYear(now) || body.year < vnYear(now) - 1) throw new Invalid('evaluation_year_out_of_range', { year: 'evaluation.yearOutOfRange' });
    const ruleSet = body.ruleSetCode ? await getRuleSet(tx, body.ruleSetCode) : await ruleSetForYear(tx, body.year);
    const dueDate = body.dueDate ?? addDays(today, ruleSet.defaultDueDays);
    if (dueDate < today) throw new Invalid('evaluation_due_past', { dueDate: 'evaluation.duePast' });
    // one cycle per committee and year; opening again (more members, a later date) reuses it and its rule set
    const [cycle] = await queryRows<{ id: string; ruleSetCode: string; dueDate: string }>(
      tx,
      sql`insert into evaluation_cycles (workplace_unit_id, year, rule_set_code, due_date, opened_by, opened_at)
          values (${unit.id}, ${body.year}, ${ruleSet.code}, ${dueDate}, ${actor.userId}, ${now.toISOString()}::timestamptz)
          on conflict (workplace_unit_id, year) do update set due_date = greatest(evaluation_cycles.due_date, excluded.due_date)
          returning id, rule_set_code as "ruleSetCode", to_char(due_date, 'YYYY-MM-DD') as "dueDate"`,
    );
    const boundRuleSet = await getRuleSet(tx, cycle!.ruleSetCode);
    const scope = sql`c.path <@ ${unit.path}::ltree ${body.memberIds?.length ? sql`and m.id = any(${uuidArray(body.memberIds)})` : sql``}`;
    if (body.memberIds?.length) {
      const [found] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from members m join org_units c on c.id = m.cell_id where ${scope}`);
      if (found!.n !== new Set(body.memberIds).size) throw new NotFound('evaluation_member_not_found');
    }
    const skippedRows = await queryRows<{ reason: string; n: number }>(
      tx,
      sql`select ${skipReasonSql} as reason, count(*)::int as n from members m join org_units c on c.id = m.cell_id
          where ${scope} and ${skipReasonSql} is not null group by 1`,
    );
    const sample = await queryRows<{ memberId: string; fullName: string; reason: OpenCycleResponse['skippedSample'][number]['reason'] }>(
      tx,
      sql`select m.id as "memberId", m.full_name as "fullName", ${skipReasonSql} as reason from members m join org_units c on c.id = m.cell_id
          where ${scope} and ${skipReasonSql} is not null and m.status = 'active' order by m.sort_key collate "C", m.id limit 50`,
    );
    const eligibleCount = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from members m join org_units c on c.id = m.cell_id where ${scope} and ${skipReasonSql} is null`,
    );
    const created = await insertEvaluations(
      tx,
      actor,
      { cycleId: cycle!.id, year: body.year, kind: 'yearly', purpose: null, purposeNote: null, byMember: false, ruleSet: boundRuleSet, dueDate: cycle!.dueDate, workplaceUnit: sql`${unit.id}::uuid`, now },
      sql`${scope} and ${skipReasonSql} is null`,
    );
    await writeAudit(tx, actor, { action: 'evaluation.cycle_opened', entityType: 'evaluation_cycle', entityId: cycle!.id, unitId: unit.id, after: { year: body.year, ruleSet: boundRuleSet.code, dueDate: cycle!.dueDate, created: created.length } });
    await announce(tx, created, cycle!.dueDate, body.year);
    const skipped: OpenCycleResponse['skipped'] = {};
    for (const r of skippedRows) skipped[r.reason as keyof typeof skipped] = r.n;
    const already = eligibleCount[0]!.n - created.length;
    if (already > 0) skipped.already_requested = already;
    return { cycleId: cycle!.id, created: created.length, skipped, skippedSample: sample, awaitingCell: created.filter((c) => !c.cellId).length };
  });
  return result;
}

export async function listCycles(deps: EvaluationDeps, actor: Actor, query: { unitId?: string; year?: number }) {
  const reach = pathInReach(actor, grantsWith(actor, 'committee_officer'), sql`u.path`);
  const items = await queryRows<{ id: string; workplaceUnitId: string; workplaceUnitName: string; year: number; ruleSetCode: string; dueDate: string; openedAt: Date; requested: number }>(
    deps.db,
    sql`select cy.id, cy.workplace_unit_id as "workplaceUnitId", u.name as "workplaceUnitName", cy.year, cy.rule_set_code as "ruleSetCode",
          to_char(cy.due_date, 'YYYY-MM-DD') as "dueDate", cy.opened_at as "openedAt",
          (select count(*)::int from evaluations e where e.cycle_id = cy.id and ${isNotValue(sql`e.status`, cancelledStatus)}) as requested
        from evaluation_cycles cy join org_units u on u.id = cy.workplace_unit_id
        where ${reach} ${query.unitId ? sql`and cy.workplace_unit_id = ${query.unitId}` : sql``} ${query.year ? sql`and cy.year = ${query.year}` : sql``}
        order by cy.year desc, u.name limit 200`,
  );
  return { items: items.map((c) => ({ ...c, openedAt: new Date(c.openedAt).toISOString() })) };
}

/** Art. 3.4: before appointing, commending, disciplining or transferring, the workplace asks on demand — anyone, exempt included. */
export async function requestOnDemand(deps: EvaluationDeps, actor: Actor, body: OnDemandBody): Promise<{ id: string; created: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const reach = pathInReach(actor, grantsWith(actor, 'committee_officer'), sql`c.path`);
    const [m] = await queryRows<{ id: string; status: string; category: string; communeId: string | null }>(
      tx,
      sql`select m.id, m.status, m.category, m.residence_commune_id as "communeId" from members m join org_units c on c.id = m.cell_id
          where m.id = ${body.memberId} and ${reach}`,
    );
    if (!m) throw new NotFound('evaluation_member_not_found');
    return createOneFor(tx, actor, deps, m, { kind: 'on_demand', purpose: body.purpose, purposeNote: body.purposeNote ?? null, byMember: false, dueDate: body.dueDate ?? null }, now);
  });
}

/** The member asks for their own comment online (the public-service procedure); nobody can ask in their name. */
export async function requestMine(deps: EvaluationDeps, actor: Actor, body: { purpose?: string | null; purposeNote?: string | null }) {
  if (!actor.memberId || !actor.grants.some((g) => g.role === 'member')) throw new Forbidden('evaluation_member_only');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [m] = await queryRows<{ id: string; status: string; category: string; communeId: string | null }>(
      tx,
      sql`select m.id, m.status, m.category, m.residence_commune_id as "communeId" from members m where m.id = ${actor.memberId}`,
    );
    if (!m) throw new NotFound('evaluation_member_not_found');
    const purpose = body.purpose ?? null;
    // exempt members have no routine comment (Guide 33): they ask for a purpose
    if (!purpose && m.category === 'exempt') throw new Invalid('evaluation_exempt_needs_purpose', { purpose: 'evaluation.exemptNeedsPurpose' });
    return createOneFor(tx, actor, deps, m, { kind: purpose ? 'on_demand' : 'yearly', purpose, purposeNote: body.purposeNote ?? null, byMember: true, dueDate: null }, now);
  });
}

async function createOneFor(
  tx: Executor,
  actor: Actor,
  deps: EvaluationDeps,
  m: { id: string; status: string; category: string; communeId: string | null },
  v: { kind: 'yearly' | 'on_demand'; purpose: string | null; purposeNote: string | null; byMember: boolean; dueDate: string | null },
  now: Date,
): Promise<{ id: string; created: boolean }> {
  const year = vnYear(now);
  if (m.status !== 'active') throw new Invalid('evaluation_member_inactive');
  if (m.category === 'not_introduced' || !m.communeId) throw new Invalid('evaluation_member_no_residence');
  // the routine request joins the committee's cycle when there is one (its rule set and due date)
  const [cycle] = await queryRows<{ id: string; ruleSetCode: string; dueDate: string }>(
    tx,
    sql`select cy.id, cy.rule_set_code as "ruleSetCode", to_char(cy.due_date, 'YYYY-MM-DD') as "dueDate" from evaluation_cycles cy
        where cy.year = ${year} and cy.workplace_unit_id = (select ${committeeOfCell(sql`c`)} from members mm join org_units c on c.id = mm.cell_id where mm.id = ${m.id})`,
  );
  const ruleSet = cycle ? await getRuleSet(tx, cycle.ruleSetCode) : await ruleSetForYear(tx, year);
  if (v.purpose && !ruleSet.onDemandPurposes.some((p) => p.key === v.purpose)) throw new Invalid('evaluation_purpose_unknown', { purpose: 'evaluation.purposeUnknown' });
  const today = vnDay(now);
  const dueDate = v.dueDate ?? (v.kind === 'yearly' && cycle ? cycle.dueDate : addDays(today, ruleSet.defaultDueDays));
  if (dueDate < today) throw new Invalid('evaluation_due_past', { dueDate: 'evaluation.duePast' });
  const created = await insertEvaluations(
    tx,
    actor,
    { cycleId: v.kind === 'yearly' ? (cycle?.id ?? null) : null, year, kind: v.kind, purpose: v.purpose, purposeNote: v.purposeNote, byMember: v.byMember, ruleSet, dueDate, workplaceUnit: committeeOfCell(sql`c`), now },
    sql`m.id = ${m.id}`,
  );
  if (created.length) {
    await announce(tx, created, dueDate, year);
    return { id: created[0]!.id, created: true };
  }
  // already asked for: a retry or a second click returns the open one
  const [existing] = await queryRows<{ id: string }>(
    tx,
    v.kind === 'yearly'
      ? sql`select id from evaluations where member_id = ${m.id} and year = ${year} and kind = 'yearly' and ${isNotValue(sql`status`, cancelledStatus)}`
      : sql`select id from evaluations where member_id = ${m.id} and purpose = ${v.purpose} and kind = 'on_demand' and ${oneOf(sql`status`, residenceOpenStatuses)}`,
  );
  return { id: existing!.id, created: false };
}
