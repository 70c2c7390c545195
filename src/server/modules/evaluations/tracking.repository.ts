import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isNotValue, isValue, oneOf } from '../../db/sql-values';
import type { BacklogCounts, ReviewItem } from '../../../shared/contracts/evaluations';
import {
  cancelledStatus,
  deliveredStatuses,
  evaluationTransition,
  releasedStatuses,
  requestedStatus,
  residenceOpenStatuses,
  signedStatuses,
} from '../../../shared/rules/evaluation';
import type { RuleSetDefinition } from '../../../shared/rules/evaluation-rules';
import { pathInSubtree } from '../../http/access';
import { activeMemberStatus, activeUnitStatus } from '../org-units/org-units.rules';
import { memberSearch, uuidArray } from './evaluations.repository';

/** The SQL of progress tracking and the workplace's review (tracking.service.ts holds the rules and the audit). */

export type TrackingSide = 'workplace' | 'residence';
type Side = TrackingSide;
type Cursor = { k: string; id: string } | null;

/** The unit, when `reach` (an access condition over alias u) holds. */
export async function findUnitInReach(db: Executor, id: string, reach: SQL) {
  const [unit] = await queryRows<{ id: string; name: string; path: string }>(
    db,
    sql`select u.id, u.name, u.path::text as path from org_units u where u.id = ${id} and ${reach}`,
  );
  return unit;
}

/** The first active root of the tree (an administrator without a unit of their own reads from there). */
export async function topUnitId(db: Executor): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from org_units where parent_id is null and ${isValue(sql`status`, activeUnitStatus)} order by name, id limit 1`,
  );
  return row?.id;
}

/** The org unit an evaluation (alias e, member m) counts under on each side. */
const evaluationUnit = (side: Side): SQL =>
  side === 'workplace' ? sql`m.cell_id` : sql`coalesce(e.cell_id, e.commune_id)`;
const memberUnit = (side: Side): SQL =>
  side === 'workplace' ? sql`m.cell_id` : sql`coalesce(m.residence_cell_id, m.residence_commune_id)`;

/**
 * Working members who owe a yearly comment: active, not exempt, and working (their party cell is a
 * workplace cell: a retired member of a residential cell owes none, and counting them made a commune's
 * list longer than its working members).
 */
const WORKING = sql`${isValue(sql`m.status`, activeMemberStatus)} and m.category = 'active'
  and exists (select 1 from org_units wk where wk.id = m.cell_id and wk.type = 'workplace_cell')`;
const hasComment = (year: number) =>
  sql`exists (select 1 from evaluations x where x.member_id = m.id and x.year = ${year} and ${oneOf(sql`x.status`, deliveredStatuses)})`;

/**
 * Counts per direct child of the unit and for the unit itself (`isTotal`). Each evaluation and each owed member
 * is assigned to the direct child it lies under (by the ltree prefix one level below the unit), then counted
 * with one hash aggregate; the total is the rollup.
 */
export function backlogRows(
  db: Executor,
  q: { side: Side; unit: { id: string; path: string }; year: number; today: string },
) {
  const depth = sql`nlevel(${q.unit.path}::ltree)`;
  const childOf = sql`case when nlevel(g.path) > ${depth} then subpath(g.path, 0, ${depth} + 1)::text end`;
  const status = sql`status`;
  return queryRows<BacklogCounts & { unitId: string; unitName: string; isTotal: boolean }>(
    db,
    sql`with ev as (
          select ${childOf} as child, e.status, e.due_date,
            exists (select 1 from self_reports s where s.member_id = e.member_id and s.year = e.year and s.submitted_at is not null) as self_reported
          from evaluations e join members m on m.id = e.member_id join org_units g on g.id = ${evaluationUnit(q.side)}
          where e.year = ${q.year} and ${isNotValue(sql`e.status`, cancelledStatus)} and ${pathInSubtree(sql`g.path`, q.unit.path)}),
        counts as (
          select child,
            count(*)::int as requested,
            count(*) filter (where self_reported)::int as "selfReported",
            count(*) filter (where ${isNotValue(status, requestedStatus)})::int as drafted,
            count(*) filter (where ${oneOf(status, signedStatuses)})::int as signed,
            count(*) filter (where ${oneOf(status, deliveredStatuses)})::int as confirmed,
            count(*) filter (where ${oneOf(status, releasedStatuses)})::int as released,
            count(*) filter (where ${oneOf(status, residenceOpenStatuses)} and due_date < ${q.today}::date)::int as overdue,
            count(*) filter (where ${isValue(status, evaluationTransition('return').to)})::int as returned,
            count(*) filter (where ${isValue(status, evaluationTransition('dispute').to)})::int as disputed,
            grouping(child) = 1 as is_total
          from ev group by rollup (child)),
        owed_members as (
          select ${childOf} as child from members m join org_units g on g.id = ${memberUnit(q.side)}
          where ${WORKING} and ${pathInSubtree(sql`g.path`, q.unit.path)} and not ${hasComment(q.year)}),
        owed as (select child, count(*)::int as n, grouping(child) = 1 as is_total from owed_members group by rollup (child)),
        ch as (
          select u.id, u.name, u.path::text as path, true as is_total from org_units u where u.id = ${q.unit.id}
          union all select u.id, u.name, u.path::text, false from org_units u where u.parent_id = ${q.unit.id} and ${isValue(sql`u.status`, activeUnitStatus)})
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
}

/** Working members under the unit with no comment delivered this year, and their latest request; keyset-paged. */
export function noCommentRows(
  db: Executor,
  q: { side: Side; unitPath: string; year: number; cursor: Cursor; limit: number },
) {
  return queryRows<{
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
    db,
    sql`select m.id as "memberId", m.full_name as "fullName", m.card_number as "cardNumber", m.sort_key as "sortKey",
          wc.name as "workplaceCellName", rc.name as "residenceCellName", co.name as "communeName", le.status, le.id as "evaluationId"
        from members m join org_units g on g.id = ${memberUnit(q.side)}
        join org_units wc on wc.id = m.cell_id
        left join org_units rc on rc.id = m.residence_cell_id left join org_units co on co.id = m.residence_commune_id
        left join lateral (select e.id, e.status from evaluations e where e.member_id = m.id and e.year = ${q.year} and ${isNotValue(sql`e.status`, cancelledStatus)}
          order by (e.kind = 'yearly') desc, e.requested_at desc limit 1) le on true
        where ${WORKING} and ${pathInSubtree(sql`g.path`, q.unitPath)} and not ${hasComment(q.year)}
          ${q.cursor ? sql`and (m.sort_key collate "C", m.id) > (${q.cursor.k} collate "C", ${q.cursor.id}::uuid)` : sql``}
        order by m.sort_key collate "C", m.id limit ${q.limit + 1}`,
  );
}

/** The rule set code of the committee's cycle for the year, if it opened one. */
export async function cycleRuleSetCode(
  db: Executor,
  unitId: string,
  year: number,
): Promise<string | undefined> {
  const [cycle] = await queryRows<{ code: string }>(
    db,
    sql`select rule_set_code as code from evaluation_cycles where workplace_unit_id = ${unitId} and year = ${year}`,
  );
  return cycle?.code;
}

/** SQL: the ratings (alias v) contain a negative level of the rule set. */
function negativeSql(def: RuleSetDefinition): SQL {
  const pairs = [...def.forms.full.criteria, ...def.forms.exempt.criteria].flatMap((c) =>
    c.levels.filter((l) => l.tone === 'negative').map((l) => `${c.key}=${l.key}`),
  );
  return sql`exists (select 1 from jsonb_each_text(coalesce(v.ratings, '{}'::jsonb)) r where r.key || '=' || r.value = any(${`{${[...new Set(pairs)].join(',')}}`}::text[]))`;
}

export interface ReviewRowsQuery {
  unitPath: string;
  year: number;
  def: RuleSetDefinition;
  /** the lowest score of a positive classification level */
  positiveMin: number;
  contradictsOnly?: boolean;
  q?: string;
  cursor: Cursor;
  limit: number;
}

/** Active members under the workplace unit, their latest evaluation (content once delivered) and score; keyset-paged. */
export function reviewRows(db: Executor, q: ReviewRowsQuery) {
  const delivered = oneOf(sql`le.status`, deliveredStatuses);
  const filters: SQL[] = [
    pathInSubtree(sql`g.path`, q.unitPath),
    isValue(sql`m.status`, activeMemberStatus),
    sql`m.category in ('active', 'exempt')`,
  ];
  if (q.q) {
    const cond = memberSearch(q.q);
    if (cond) filters.push(cond);
  }
  if (q.contradictsOnly)
    filters.push(sql`wcl.score >= ${q.positiveMin} and ${delivered} and ${negativeSql(q.def)}`);
  if (q.cursor)
    filters.push(sql`(m.sort_key collate "C", m.id) > (${q.cursor.k} collate "C", ${q.cursor.id}::uuid)`);
  return queryRows<{
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
    db,
    sql`select m.id as "memberId", m.full_name as "fullName", m.card_number as "cardNumber", m.sort_key as "sortKey", g.name as "workplaceCellName",
          le.id as "evaluationId", le.status, le.form_kind as "formKind",
          case when ${delivered} then v.ratings end as ratings,
          case when ${delivered} then v.flags end as flags,
          case when ${delivered} then le.proposal end as proposal,
          wcl.score::float8 as score
        from members m join org_units g on g.id = m.cell_id
        left join lateral (select e.id, e.status, e.form_kind, e.version, e.proposal from evaluations e where e.member_id = m.id and e.year = ${q.year}
          and ${isNotValue(sql`e.status`, cancelledStatus)} order by (e.kind = 'yearly') desc, e.requested_at desc limit 1) le on true
        left join evaluation_versions v on v.evaluation_id = le.id and v.version = le.version
        left join workplace_classifications wcl on wcl.member_id = m.id and wcl.year = ${q.year}
        where ${sql.join(filters, sql` and `)}
        order by m.sort_key collate "C", m.id limit ${q.limit + 1}`,
  );
}

/** The members (in `reach`, an access condition over their workplace cell, alias c) and their workplace committee. */
export function findMembersWithCommittee(tx: Executor, ids: string[], reach: SQL) {
  return queryRows<{ id: string; unitId: string }>(
    tx,
    sql`select m.id, (select a.id from org_units a where a.path @> c.path and a.type = 'workplace_committee' order by a.depth desc limit 1) as "unitId"
        from members m join org_units c on c.id = m.cell_id where m.id = any(${uuidArray(ids)}) and ${reach}`,
  );
}

export async function upsertClassifications(
  tx: Executor,
  year: number,
  classifiedBy: string,
  items: { memberId: string; score: number; level: string; note?: string | null }[],
) {
  const values = sql.join(
    items.map(
      (i) =>
        sql`(${i.memberId}::uuid, ${year}::int, ${i.score}::numeric, ${i.level}, ${i.note ?? null}, ${classifiedBy}::uuid, now())`,
    ),
    sql`, `,
  );
  await tx.execute(sql`insert into workplace_classifications (member_id, year, score, level, note, classified_by, updated_at)
    values ${values}
    on conflict (member_id, year) do update set score = excluded.score, level = excluded.level, note = excluded.note,
      classified_by = excluded.classified_by, updated_at = excluded.updated_at`);
}
