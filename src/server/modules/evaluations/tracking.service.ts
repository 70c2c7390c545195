import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isNotValue, isValue, oneOf } from '../../db/sql-values';
import {
  cancelledStatus,
  deliveredStatuses,
  evaluationTransition,
  releasedStatuses,
  requestedStatus,
  residenceOpenStatuses,
  signedStatuses,
} from '../../../shared/rules/evaluation';
import type { Backlog, BacklogCounts, ReviewItem } from '../../../shared/contracts/evaluations';
import { classificationLevel, isNegative, type RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';
import { Forbidden, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../members/members.repository';
import { pathInReach } from './evaluations.access';
import { memberSearch, uuidArray } from './evaluations.repository';
import { vnDay, vnYear, type EvaluationDeps } from './requests.service';
import { getRuleSet, ruleSetForYear } from './rule-sets.service';

/**
 * What the seeds ask for: where every comment stands on each side, what is overdue, and the working
 * members with no comment this year — per unit and for the actor's subtree. Counted in SQL, per child unit.
 */

type Side = 'workplace' | 'residence';

/** The unit a side reads (given, else the actor's first grant for it), checked against the actor's reach. */
async function sideUnit(db: Executor, actor: Actor, side: Side, unitId?: string) {
  const grants = side === 'workplace' ? grantsWith(actor, 'committee_officer') : grantsWith(actor, 'committee_officer', 'cell_secretary', 'front_head');
  // an administrator without a unit of their own reads from the top of the tree
  // a member or anyone with no role on this side has no progress to follow: say so rather than "no unit"
  if (!unitId && grants.length === 0 && !isAdmin(actor)) throw new Forbidden('evaluation_no_unit');
  const id = unitId ?? grants[0]?.unitId ?? actor.grants.find((g) => g.unitId)?.unitId ?? (await topUnitId(db));
  if (!id) throw new NotFound('unit_not_found');
  const reach = pathInReach(actor, grants, sql`u.path`);
  const [unit] = await queryRows<{ id: string; name: string; path: string }>(db, sql`select u.id, u.name, u.path::text as path from org_units u where u.id = ${id} and ${reach}`);
  if (!unit) throw new NotFound('unit_not_found');
  return unit;
}

async function topUnitId(db: Executor): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from org_units where parent_id is null and status = 'active' order by name, id limit 1`);
  return row?.id;
}

/** The org unit an evaluation (alias e, member m) counts under on each side. */
const evaluationUnit = (side: Side): SQL => (side === 'workplace' ? sql`m.cell_id` : sql`coalesce(e.cell_id, e.commune_id)`);
const memberUnit = (side: Side): SQL => (side === 'workplace' ? sql`m.cell_id` : sql`coalesce(m.residence_cell_id, m.residence_commune_id)`);

/**
 * Working members who owe a yearly comment: active, not exempt, and working (their party cell is a
 * workplace cell: a retired member of a residential cell owes none, and counting them made a commune's
 * list longer than its working members).
 */
const WORKING = sql`m.status = 'active' and m.category = 'active'
  and exists (select 1 from org_units wk where wk.id = m.cell_id and wk.type = 'workplace_cell')`;
const hasComment = (year: number) =>
  sql`exists (select 1 from evaluations x where x.member_id = m.id and x.year = ${year} and ${oneOf(sql`x.status`, deliveredStatuses)})`;

export async function backlog(deps: EvaluationDeps, actor: Actor, query: { side: Side; unitId?: string; year?: number }): Promise<Backlog> {
  const year = query.year ?? vnYear(deps.clock.now());
  const today = vnDay(deps.clock.now());
  const unit = await sideUnit(deps.db, actor, query.side, query.unitId);
  // Each evaluation and each owed member is assigned to the direct child of the unit it lies under (by the
  // ltree prefix one level below the unit), then counted with one hash aggregate; the total is the rollup.
  const depth = sql`nlevel(${unit.path}::ltree)`;
  const childOf = sql`case when nlevel(g.path) > ${depth} then subpath(g.path, 0, ${depth} + 1)::text end`;
  const status = sql`status`;
  const rows = await queryRows<BacklogCounts & { unitId: string; unitName: string; isTotal: boolean }>(
    deps.db,
    sql`with ev as (
          select ${childOf} as child, e.status, e.due_date,
            exists (select 1 from self_reports s where s.member_id = e.member_id and s.year = e.year and s.submitted_at is not null) as self_reported
          from evaluations e join members m on m.id = e.member_id join org_units g on g.id = ${evaluationUnit(query.side)}
          where e.year = ${year} and ${isNotValue(sql`e.status`, cancelledStatus)} and g.path <@ ${unit.path}::ltree),
        counts as (
          select child,
            count(*)::int as requested,
            count(*) filter (where self_reported)::int as "selfReported",
            count(*) filter (where ${isNotValue(status, requestedStatus)})::int as drafted,
            count(*) filter (where ${oneOf(status, signedStatuses)})::int as signed,
            count(*) filter (where ${oneOf(status, deliveredStatuses)})::int as confirmed,
            count(*) filter (where ${oneOf(status, releasedStatuses)})::int as released,
            count(*) filter (where ${oneOf(status, residenceOpenStatuses)} and due_date < ${today}::date)::int as overdue,
            count(*) filter (where ${isValue(status, evaluationTransition('return').to)})::int as returned,
            count(*) filter (where ${isValue(status, evaluationTransition('dispute').to)})::int as disputed,
            grouping(child) = 1 as is_total
          from ev group by rollup (child)),
        owed_members as (
          select ${childOf} as child from members m join org_units g on g.id = ${memberUnit(query.side)}
          where ${WORKING} and g.path <@ ${unit.path}::ltree and not ${hasComment(year)}),
        owed as (select child, count(*)::int as n, grouping(child) = 1 as is_total from owed_members group by rollup (child)),
        ch as (
          select u.id, u.name, u.path::text as path, true as is_total from org_units u where u.id = ${unit.id}
          union all select u.id, u.name, u.path::text, false from org_units u where u.parent_id = ${unit.id} and u.status = 'active')
        select ch.id as "unitId", ch.name as "unitName", ch.is_total as "isTotal",
          coalesce(c.requested, 0) as requested, coalesce(c."selfReported", 0) as "selfReported", coalesce(c.drafted, 0) as drafted,
          coalesce(c.signed, 0) as signed, coalesce(c.confirmed, 0) as confirmed, coalesce(c.released, 0) as released,
          coalesce(c.overdue, 0) as overdue, coalesce(c.returned, 0) as returned, coalesce(c.disputed, 0) as disputed,
          coalesce(o.n, 0) as "noComment"
        from ch
        left join counts c on (ch.is_total and c.is_total) or (not ch.is_total and not c.is_total and c.child = ch.path)
        left join owed o on (ch.is_total and o.is_total) or (not ch.is_total and not o.is_total and o.child = ch.path)
        order by ch.is_total desc, ch.name`,
  );
  const strip = ({ unitId: _u, unitName: _n, isTotal: _t, ...counts }: (typeof rows)[number]) => counts;
  const total = rows.find((r) => r.isTotal)!;
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    total: strip(total),
    children: rows.filter((r) => !r.isTotal).map((r) => ({ unitId: r.unitId, unitName: r.unitName, ...strip(r) })),
  };
}

/** Working members with no comment delivered this year, and where theirs stands. */
export async function noComment(deps: EvaluationDeps, actor: Actor, query: { side: Side; unitId?: string; year?: number; cursor?: string; limit: number }) {
  const year = query.year ?? vnYear(deps.clock.now());
  const unit = await sideUnit(deps.db, actor, query.side, query.unitId);
  const cursor = decodeCursor(query.cursor);
  const rows = await queryRows<{
    memberId: string;
    fullName: string;
    cardNumber: string;
    sortKey: string;
    workplaceCellName: string;
    residenceCellName: string | null;
    communeName: string | null;
    status: string | null;
    evaluationId: string | null;
  }>(
    deps.db,
    sql`select m.id as "memberId", m.full_name as "fullName", m.card_number as "cardNumber", m.sort_key as "sortKey",
          wc.name as "workplaceCellName", rc.name as "residenceCellName", co.name as "communeName", le.status, le.id as "evaluationId"
        from members m join org_units g on g.id = ${memberUnit(query.side)}
        join org_units wc on wc.id = m.cell_id
        left join org_units rc on rc.id = m.residence_cell_id left join org_units co on co.id = m.residence_commune_id
        left join lateral (select e.id, e.status from evaluations e where e.member_id = m.id and e.year = ${year} and ${isNotValue(sql`e.status`, cancelledStatus)}
          order by (e.kind = 'yearly') desc, e.requested_at desc limit 1) le on true
        where ${WORKING} and g.path <@ ${unit.path}::ltree and not ${hasComment(year)}
          ${cursor ? sql`and (m.sort_key collate "C", m.id) > (${cursor.k} collate "C", ${cursor.id}::uuid)` : sql``}
        order by m.sort_key collate "C", m.id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ sortKey: _s, status, ...r }) => ({ ...r, status: (status ?? 'not_requested') as ReviewItem['status'] })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.sortKey, id: last.memberId }) : null,
  };
}

// ── the workplace's year-end review (Art. 3.4–3.5) ───────────────────────────

async function reviewRuleSet(db: Executor, unitId: string, year: number): Promise<RuleSetDefinition> {
  const [cycle] = await queryRows<{ code: string }>(db, sql`select rule_set_code as code from evaluation_cycles where workplace_unit_id = ${unitId} and year = ${year}`);
  return cycle ? getRuleSet(db, cycle.code) : ruleSetForYear(db, year);
}

/** SQL: the ratings (alias v) contain a negative level of the rule set. */
function negativeSql(def: RuleSetDefinition): SQL {
  const pairs = [...def.forms.full.criteria, ...def.forms.exempt.criteria].flatMap((c) => c.levels.filter((l) => l.tone === 'negative').map((l) => `${c.key}=${l.key}`));
  return sql`exists (select 1 from jsonb_each_text(coalesce(v.ratings, '{}'::jsonb)) r where r.key || '=' || r.value = any(${`{${[...new Set(pairs)].join(',')}}`}::text[]))`;
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
  const delivered = oneOf(sql`le.status`, deliveredStatuses);
  const filters: SQL[] = [sql`g.path <@ ${unit.path}::ltree`, sql`m.status = 'active'`, sql`m.category in ('active', 'exempt')`];
  if (query.q) {
    const cond = memberSearch(query.q);
    if (cond) filters.push(cond);
  }
  if (query.contradictsOnly) filters.push(sql`wcl.score >= ${positiveMin} and ${delivered} and ${negativeSql(def)}`);
  if (cursor) filters.push(sql`(m.sort_key collate "C", m.id) > (${cursor.k} collate "C", ${cursor.id}::uuid)`);
  const rows = await queryRows<{
    memberId: string;
    fullName: string;
    cardNumber: string;
    sortKey: string;
    workplaceCellName: string;
    evaluationId: string | null;
    status: string | null;
    formKind: 'full' | 'exempt' | null;
    ratings: Record<string, string> | null;
    flags: ReviewItem['flags'] | null;
    proposal: string | null;
    score: number | null;
  }>(
    deps.db,
    sql`select m.id as "memberId", m.full_name as "fullName", m.card_number as "cardNumber", m.sort_key as "sortKey", g.name as "workplaceCellName",
          le.id as "evaluationId", le.status, le.form_kind as "formKind",
          case when ${delivered} then v.ratings end as ratings,
          case when ${delivered} then v.flags end as flags,
          case when ${delivered} then le.proposal end as proposal,
          wcl.score::float8 as score
        from members m join org_units g on g.id = m.cell_id
        left join lateral (select e.id, e.status, e.form_kind, e.version, e.proposal from evaluations e where e.member_id = m.id and e.year = ${year}
          and ${isNotValue(sql`e.status`, cancelledStatus)} order by (e.kind = 'yearly') desc, e.requested_at desc limit 1) le on true
        left join evaluation_versions v on v.evaluation_id = le.id and v.version = le.version
        left join workplace_classifications wcl on wcl.member_id = m.id and wcl.year = ${year}
        where ${sql.join(filters, sql` and `)}
        order by m.sort_key collate "C", m.id limit ${query.limit + 1}`,
  );
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
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.sortKey, id: last.memberId }) : null,
  };
}

/** Reg. 366 scores entered by the workplace (batch); the level follows from the rule set's scale. */
export async function saveClassifications(deps: EvaluationDeps, actor: Actor, body: { year: number; items: { memberId: string; score: number; note?: string | null }[] }) {
  const ids = [...new Set(body.items.map((i) => i.memberId))];
  return deps.db.transaction(async (tx) => {
    const reach = pathInReach(actor, grantsWith(actor, 'committee_officer'), sql`c.path`);
    const found = await queryRows<{ id: string; unitId: string }>(
      tx,
      sql`select m.id, (select a.id from org_units a where a.path @> c.path and a.type = 'workplace_committee' order by a.depth desc limit 1) as "unitId"
          from members m join org_units c on c.id = m.cell_id where m.id = any(${uuidArray(ids)}) and ${reach}`,
    );
    if (found.length !== ids.length) throw new NotFound('evaluation_member_not_found');
    const def = await reviewRuleSet(tx, found[0]!.unitId ?? '00000000-0000-0000-0000-000000000000', body.year);
    const items = [...new Map(body.items.map((i) => [i.memberId, i])).values()].map((i) => ({ ...i, level: classificationLevel(def, i.score)?.key ?? '' }));
    const values = sql.join(
      items.map((i) => sql`(${i.memberId}::uuid, ${body.year}::int, ${i.score}::numeric, ${i.level}, ${i.note ?? null}, ${actor.userId}::uuid, now())`),
      sql`, `,
    );
    await tx.execute(sql`insert into workplace_classifications (member_id, year, score, level, note, classified_by, updated_at)
      values ${values}
      on conflict (member_id, year) do update set score = excluded.score, level = excluded.level, note = excluded.note,
        classified_by = excluded.classified_by, updated_at = excluded.updated_at`);
    await writeAudit(
      tx,
      actor,
      items.map((i) => ({ action: 'classification.saved', entityType: 'member', entityId: i.memberId, unitId: found.find((f) => f.id === i.memberId)?.unitId ?? null, after: { year: body.year, score: i.score, level: i.level } })),
    );
    return { saved: items.length };
  });
}
