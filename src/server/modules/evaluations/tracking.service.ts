import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { Backlog, ReviewItem } from '../../../shared/contracts/evaluations';
import {
  classificationLevel,
  isNegative,
  type RuleSetDefinition,
} from '../../../shared/rules/evaluation-rules';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';
import { Forbidden, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../../db/member-sql';
import { pathInReach } from './evaluations.access';
import { vnDay, vnYear } from '../../../shared/rules/vietnam-calendar';
import type { EvaluationDeps } from './requests.service';
import { getRuleSet, ruleSetForYear } from '../rule-sets/rule-sets.service';
import {
  backlogRows,
  cycleRuleSetCode,
  findMembersWithCommittee,
  findUnitInReach,
  noCommentRows,
  reviewRows,
  topUnitId,
  upsertClassifications,
  type TrackingSide as Side,
} from './tracking.repository';

/**
 * What the seeds ask for: where every comment stands on each side, what is overdue, and the working
 * members with no comment this year — per unit and for the actor's subtree. Counted in SQL, per child unit.
 */

/** The unit a side reads (given, else the actor's first grant for it), checked against the actor's reach. */
async function sideUnit(db: Executor, actor: Actor, side: Side, unitId?: string) {
  const grants =
    side === 'workplace'
      ? grantsWith(actor, 'committee_officer')
      : grantsWith(actor, 'committee_officer', 'cell_secretary', 'front_head');
  // an administrator without a unit of their own reads from the top of the tree
  // a member or anyone with no role on this side has no progress to follow: say so rather than "no unit"
  if (!unitId && grants.length === 0 && !isAdmin(actor)) throw new Forbidden('evaluation_no_unit');
  const id =
    unitId ?? grants[0]?.unitId ?? actor.grants.find((g) => g.unitId)?.unitId ?? (await topUnitId(db));
  if (!id) throw new NotFound('unit_not_found');
  const reach = pathInReach(actor, grants, sql`u.path`);
  const unit = await findUnitInReach(db, id, reach);
  if (!unit) throw new NotFound('unit_not_found');
  return unit;
}

export async function backlog(
  deps: EvaluationDeps,
  actor: Actor,
  query: { side: Side; unitId?: string; year?: number },
): Promise<Backlog> {
  const year = query.year ?? vnYear(deps.clock.now());
  const today = vnDay(deps.clock.now());
  const unit = await sideUnit(deps.db, actor, query.side, query.unitId);
  const rows = await backlogRows(deps.db, { side: query.side, unit, year, today });
  const strip = ({ unitId: _u, unitName: _n, isTotal: _t, ...counts }: (typeof rows)[number]) => counts;
  const total = rows.find((r) => r.isTotal)!;
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    total: strip(total),
    children: rows
      .filter((r) => !r.isTotal)
      .map((r) => ({ unitId: r.unitId, unitName: r.unitName, ...strip(r) })),
  };
}

/** Working members with no comment delivered this year, and where theirs stands. */
export async function noComment(
  deps: EvaluationDeps,
  actor: Actor,
  query: { side: Side; unitId?: string; year?: number; cursor?: string; limit: number },
) {
  const year = query.year ?? vnYear(deps.clock.now());
  const unit = await sideUnit(deps.db, actor, query.side, query.unitId);
  const cursor = decodeCursor(query.cursor);
  const rows = await noCommentRows(deps.db, {
    side: query.side,
    unitPath: unit.path,
    year,
    cursor,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ sortKey: _s, status, ...r }) => ({
      ...r,
      status: (status ?? 'not_requested') as ReviewItem['status'],
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ k: last.sortKey, id: last.memberId }) : null,
  };
}

// ── the workplace's year-end review (Art. 3.4–3.5) ───────────────────────────

async function reviewRuleSet(db: Executor, unitId: string, year: number): Promise<RuleSetDefinition> {
  const code = await cycleRuleSetCode(db, unitId, year);
  return code ? getRuleSet(db, code) : ruleSetForYear(db, year);
}

export interface ReviewQuery {
  unitId?: string;
  year?: number;
  contradictsOnly?: boolean;
  q?: string;
  cursor?: string;
  limit: number;
}

export async function review(deps: EvaluationDeps, actor: Actor, query: ReviewQuery) {
  const year = query.year ?? vnYear(deps.clock.now());
  const unit = await sideUnit(deps.db, actor, 'workplace', query.unitId);
  const def = await reviewRuleSet(deps.db, unit.id, year);
  const positiveMin = Math.min(...def.classification.levels.filter((l) => l.positive).map((l) => l.min));
  const cursor = decodeCursor(query.cursor);
  const rows = await reviewRows(deps.db, {
    unitPath: unit.path,
    year,
    def,
    positiveMin,
    contradictsOnly: query.contradictsOnly,
    q: query.q,
    cursor,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    ruleSetCode: def.code,
    items: page.map((r): ReviewItem => {
      const negative = r.ratings && r.formKind ? isNegative(def, r.formKind, r.ratings) : false;
      const level = r.score === null ? null : (classificationLevel(def, r.score)?.key ?? null);
      return {
        memberId: r.memberId,
        fullName: r.fullName,
        cardNumber: r.cardNumber,
        workplaceCellName: r.workplaceCellName,
        evaluationId: r.evaluationId,
        status: (r.status ?? 'not_requested') as ReviewItem['status'],
        formKind: r.formKind,
        ratings: r.ratings,
        negative,
        flags: r.flags ?? [],
        proposal: r.proposal,
        score: r.score,
        level,
        contradicts: r.score !== null && Boolean(classificationLevel(def, r.score)?.positive) && negative,
      };
    }),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ k: last.sortKey, id: last.memberId }) : null,
  };
}

/** Reg. 366 scores entered by the workplace (batch); the level follows from the rule set's scale. */
export async function saveClassifications(
  deps: EvaluationDeps,
  actor: Actor,
  body: { year: number; items: { memberId: string; score: number; note?: string | null }[] },
) {
  const ids = [...new Set(body.items.map((i) => i.memberId))];
  return deps.db.transaction(async (tx) => {
    const reach = pathInReach(actor, grantsWith(actor, 'committee_officer'), sql`c.path`);
    const found = await findMembersWithCommittee(tx, ids, reach);
    if (found.length !== ids.length) throw new NotFound('evaluation_member_not_found');
    const def = await reviewRuleSet(
      tx,
      found[0]!.unitId ?? '00000000-0000-0000-0000-000000000000',
      body.year,
    );
    const items = [...new Map(body.items.map((i) => [i.memberId, i])).values()].map((i) => ({
      ...i,
      level: classificationLevel(def, i.score)?.key ?? '',
    }));
    await upsertClassifications(tx, body.year, actor.userId, items);
    await writeAudit(
      tx,
      actor,
      items.map((i) => ({
        action: 'classification.saved',
        entityType: 'member',
        entityId: i.memberId,
        unitId: found.find((f) => f.id === i.memberId)?.unitId ?? null,
        after: { year: body.year, score: i.score, level: i.level },
      })),
    );
    return { saved: items.length };
  });
}
