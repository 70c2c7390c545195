import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { requestedStatus } from '../../../shared/rules/evaluation';
import { shiftDay, vnDay, vnYear } from '../../../shared/rules/vietnam-calendar';
import type { Clock } from '../../context';
import type { OnDemandBody, OpenCycleBody, OpenCycleResponse } from '../../../shared/contracts/evaluations';
import { grantsWith, type Actor } from '../../http/actor';
import { Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { usersOfMembers, usersOnUnits } from '../notifications/recipients.service';
import { notifyEach, type NotificationItem } from '../notifications/notifications.service';
import { pathInReach } from './evaluations.access';
import { perPerson } from './evaluations.repository';
import {
  countScopeMembers,
  findCycleOfMember,
  findExistingRequest,
  findMember,
  findMemberOfCell,
  findUnitWithReach,
  insertEvaluations as insertEvaluationRows,
  listCycleRows,
  skippedCounts,
  skippedSample,
  upsertCycle,
  type CreatedEvaluation as Created,
  type CycleScope,
  type NewEvaluations,
  type RequestedMember,
} from './requests.repository';
import { getRuleSet, ruleSetForYear } from '../rule-sets/rule-sets.service';

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

/** Kept for the modules that imported the calendar from here (evaluation-print.service.ts). */
export { vnDay, vnYear };

/** Insert the requests and audit each one (duplicates are skipped by the unique indexes). */
async function insertEvaluations(
  tx: Executor,
  actor: Actor,
  v: Omit<NewEvaluations, 'requestedBy'>,
  members: { scope: CycleScope } | { memberId: string },
): Promise<Created[]> {
  const created = await insertEvaluationRows(tx, { ...v, requestedBy: actor.userId }, members);
  await writeAudit(
    tx,
    actor,
    created.map((c) => ({
      action: 'evaluation.requested',
      entityType: 'evaluation',
      entityId: c.id,
      unitId: c.workplaceUnitId,
      after: {
        status: requestedStatus,
        memberId: c.memberId,
        kind: v.kind,
        purpose: v.purpose,
        year: v.year,
        cycleId: v.cycleId,
        byMember: v.byMember,
      },
    })),
  );
  return created;
}

/** Tell the cells (and the commune where no cell is known yet) and the members that comments are wanted. */
async function announce(tx: Executor, created: Created[], dueDate: string, year: number) {
  if (created.length === 0) return;
  const cells = await usersOnUnits(
    tx,
    'cell_secretary',
    created.flatMap((c) => (c.cellId ? [c.cellId] : [])),
  );
  const communes = await usersOnUnits(
    tx,
    'committee_officer',
    created.map((c) => c.communeId),
  );
  const members = await usersOfMembers(
    tx,
    created.map((c) => c.memberId),
  );
  const count = (f: (c: Created) => boolean) => created.filter(f).length;
  const items: NotificationItem[] = [
    ...perPerson(
      cells.map((u) => ({
        userId: u.userId,
        kind: 'evaluation_requested_cell' as const,
        params: { count: count((c) => c.cellId === u.unitId), year, due: dueDate },
      })),
      '/evaluations',
    ),
    ...perPerson(
      communes.map((u) => ({
        userId: u.userId,
        kind: 'evaluation_requested_commune' as const,
        params: { count: count((c) => c.communeId === u.unitId), year, due: dueDate },
      })),
      '/evaluations',
    ),
    ...members.map((u) => ({
      userId: u.userId,
      kind: 'evaluation_requested_member' as const,
      params: { year, due: dueDate },
      link: '/my-evaluation',
    })),
  ];
  await notifyEach(tx, items, { email: true });
}

async function requireWorkplaceUnit(tx: Executor, actor: Actor, unitId: string) {
  const unit = await findUnitWithReach(
    tx,
    unitId,
    pathInReach(actor, grantsWith(actor, 'committee_officer'), sql`u.path`),
  );
  if (!unit?.inReach) throw new NotFound('unit_not_found');
  if (unit.type !== 'workplace_committee')
    throw new Invalid('evaluation_unit_not_workplace', { unitId: 'evaluation.unitNotWorkplace' });
  return unit;
}

/** Art. 3.4: the workplace committee asks for every active working member's comment (or the selected ones). */
export async function openCycle(
  deps: EvaluationDeps,
  actor: Actor,
  body: OpenCycleBody,
): Promise<OpenCycleResponse> {
  const now = deps.clock.now();
  const today = vnDay(now);
  const result = await deps.db.transaction(async (tx) => {
    const unit = await requireWorkplaceUnit(tx, actor, body.unitId);
    if (body.year > vnYear(now) || body.year < vnYear(now) - 1)
      throw new Invalid('evaluation_year_out_of_range', { year: 'evaluation.yearOutOfRange' });
    const ruleSet = body.ruleSetCode
      ? await getRuleSet(tx, body.ruleSetCode)
      : await ruleSetForYear(tx, body.year);
    const dueDate = body.dueDate ?? shiftDay(today, ruleSet.defaultDueDays);
    if (dueDate < today) throw new Invalid('evaluation_due_past', { dueDate: 'evaluation.duePast' });
    // one cycle per committee and year; opening again (more members, a later date) reuses it and its rule set
    const cycle = await upsertCycle(tx, {
      unitId: unit.id,
      year: body.year,
      ruleSetCode: ruleSet.code,
      dueDate,
      openedBy: actor.userId,
      now,
    });
    const boundRuleSet = await getRuleSet(tx, cycle.ruleSetCode);
    const scope: CycleScope = { unitPath: unit.path, memberIds: body.memberIds ?? undefined };
    if (body.memberIds?.length) {
      if ((await countScopeMembers(tx, scope)) !== new Set(body.memberIds).size)
        throw new NotFound('evaluation_member_not_found');
    }
    const skippedRows = await skippedCounts(tx, scope);
    const sample = await skippedSample(tx, scope);
    const eligibleCount = await countScopeMembers(tx, scope, { eligible: true });
    const created = await insertEvaluations(
      tx,
      actor,
      {
        cycleId: cycle.id,
        year: body.year,
        kind: 'yearly',
        purpose: null,
        purposeNote: null,
        byMember: false,
        ruleSetCode: boundRuleSet.code,
        dueDate: cycle.dueDate,
        workplaceUnitId: unit.id,
        now,
      },
      { scope },
    );
    await writeAudit(tx, actor, {
      action: 'evaluation.cycle_opened',
      entityType: 'evaluation_cycle',
      entityId: cycle.id,
      unitId: unit.id,
      after: { year: body.year, ruleSet: boundRuleSet.code, dueDate: cycle.dueDate, created: created.length },
    });
    await announce(tx, created, cycle.dueDate, body.year);
    const skipped: OpenCycleResponse['skipped'] = {};
    for (const r of skippedRows) skipped[r.reason as keyof typeof skipped] = r.n;
    const already = eligibleCount - created.length;
    if (already > 0) skipped.already_requested = already;
    return {
      cycleId: cycle.id,
      created: created.length,
      skipped,
      skippedSample: sample,
      awaitingCell: created.filter((c) => !c.cellId).length,
    };
  });
  return result;
}

export async function listCycles(
  deps: EvaluationDeps,
  actor: Actor,
  query: { unitId?: string; year?: number },
) {
  const reach = pathInReach(actor, grantsWith(actor, 'committee_officer'), sql`u.path`);
  const items = await listCycleRows(deps.db, reach, query);
  return { items: items.map((c) => ({ ...c, openedAt: new Date(c.openedAt).toISOString() })) };
}

/** Art. 3.4: before appointing, commending, disciplining or transferring, the workplace asks on demand — anyone, exempt included. */
export async function requestOnDemand(
  deps: EvaluationDeps,
  actor: Actor,
  body: OnDemandBody,
): Promise<{ id: string; created: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const reach = pathInReach(actor, grantsWith(actor, 'committee_officer'), sql`c.path`);
    const m = await findMemberOfCell(tx, body.memberId, reach);
    if (!m) throw new NotFound('evaluation_member_not_found');
    return createOneFor(
      tx,
      actor,
      deps,
      m,
      {
        kind: 'on_demand',
        purpose: body.purpose,
        purposeNote: body.purposeNote ?? null,
        byMember: false,
        dueDate: body.dueDate ?? null,
      },
      now,
    );
  });
}

/** The member asks for their own comment online (the public-service procedure); nobody can ask in their name. */
export async function requestMine(
  deps: EvaluationDeps,
  actor: Actor,
  body: { purpose?: string | null; purposeNote?: string | null },
) {
  if (!actor.memberId || !actor.grants.some((g) => g.role === 'member'))
    throw new Forbidden('evaluation_member_only');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const m = await findMember(tx, actor.memberId!);
    if (!m) throw new NotFound('evaluation_member_not_found');
    const purpose = body.purpose ?? null;
    // exempt members have no routine comment (Guide 33): they ask for a purpose
    if (!purpose && m.category === 'exempt')
      throw new Invalid('evaluation_exempt_needs_purpose', { purpose: 'evaluation.exemptNeedsPurpose' });
    return createOneFor(
      tx,
      actor,
      deps,
      m,
      {
        kind: purpose ? 'on_demand' : 'yearly',
        purpose,
        purposeNote: body.purposeNote ?? null,
        byMember: true,
        dueDate: null,
      },
      now,
    );
  });
}

async function createOneFor(
  tx: Executor,
  actor: Actor,
  deps: EvaluationDeps,
  m: RequestedMember,
  v: {
    kind: 'yearly' | 'on_demand';
    purpose: string | null;
    purposeNote: string | null;
    byMember: boolean;
    dueDate: string | null;
  },
  now: Date,
): Promise<{ id: string; created: boolean }> {
  const year = vnYear(now);
  if (m.status !== 'active') throw new Invalid('evaluation_member_inactive');
  if (m.category === 'not_introduced' || !m.communeId) throw new Invalid('evaluation_member_no_residence');
  // the routine request joins the committee's cycle when there is one (its rule set and due date)
  const cycle = await findCycleOfMember(tx, m.id, year);
  const ruleSet = cycle ? await getRuleSet(tx, cycle.ruleSetCode) : await ruleSetForYear(tx, year);
  if (v.purpose && !ruleSet.onDemandPurposes.some((p) => p.key === v.purpose))
    throw new Invalid('evaluation_purpose_unknown', { purpose: 'evaluation.purposeUnknown' });
  const today = vnDay(now);
  const dueDate =
    v.dueDate ?? (v.kind === 'yearly' && cycle ? cycle.dueDate : shiftDay(today, ruleSet.defaultDueDays));
  if (dueDate < today) throw new Invalid('evaluation_due_past', { dueDate: 'evaluation.duePast' });
  const created = await insertEvaluations(
    tx,
    actor,
    {
      cycleId: v.kind === 'yearly' ? (cycle?.id ?? null) : null,
      year,
      kind: v.kind,
      purpose: v.purpose,
      purposeNote: v.purposeNote,
      byMember: v.byMember,
      ruleSetCode: ruleSet.code,
      dueDate,
      now,
    },
    { memberId: m.id },
  );
  if (created.length) {
    await announce(tx, created, dueDate, year);
    return { id: created[0]!.id, created: true };
  }
  // already asked for: a retry or a second click returns the open one
  const existing = await findExistingRequest(tx, { memberId: m.id, year, kind: v.kind, purpose: v.purpose });
  return { id: existing!.id, created: false };
}
