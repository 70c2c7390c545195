import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { CoverageRow, QueueItem, ResidentItem } from '../../../shared/contracts/introductions';
import {
  awaitingReceiptStatus,
  introducedLetterStatuses,
  placedLetterStatuses,
  receivedLetterStatuses,
  stageByLetterStatus,
  transitionFor,
  type IntroductionStage,
  type LetterStatus,
} from '../../../shared/rules/introduction-letter';
import { openRequestStatuses } from '../../../shared/rules/introduction-request';
import { isActiveMember, isActiveUnit, isValue, literal, oneOf } from '../../db/sql-values';
import { inSubtree, pathInSubtree } from '../../http/access';
import { memberSearch } from './letters.repository';
import { committeeOfCell } from '../../db/ltree';

/**
 * Queries of the queues, residents and coverage (members `m`, their party cell `c`, their current letter `l`).
 * The units come from the service, already checked against the actor's reach.
 */

/** The stage as SQL, generated from the same table as `stageOf` so the two cannot disagree. */
const stageSql = sql`(case when m.category = 'not_introduced' then 'not_to_introduce' ${sql.join(
  Object.entries(stageByLetterStatus).map(
    ([status, stage]) => sql`when ${isValue(sql`l.status`, status)} then ${literal(stage)}`,
  ),
  sql` `,
)} else 'not_introduced' end)`;

const ISSUED = isValue(sql`l.status`, awaitingReceiptStatus);
/** A placed letter not yet acknowledged by the cell: a new arrival. */
const PLACED = isValue(sql`l.status`, transitionFor('place').to);

const WORKING = sql`${isActiveMember(sql`m.status`)} and c.type = 'workplace_cell'`;

/** The member lives in the subtree at `path`: their residence commune or cell lies in it. */
function livesUnder(path: string): SQL {
  return sql`(${inSubtree(sql`m.residence_commune_id`, path)} or ${inSubtree(sql`m.residence_cell_id`, path)})`;
}

function and(where: SQL[]): SQL {
  return sql.join(
    where.map((w) => sql`(${w})`),
    sql` and `,
  );
}

export interface UnitRef {
  id: string;
  name: string;
  path: string;
  type: string;
}

export async function findUnit(db: Executor, id: string): Promise<UnitRef | undefined> {
  const [u] = await queryRows<UnitRef>(
    db,
    sql`select id, name, path::text as path, type from org_units where id = ${id}`,
  );
  return u;
}

/** Working members under `path` by residence commune and stage, with their overdue letters. */
export function stageCounts(db: Executor, path: string, overdueBefore: string) {
  return queryRows<{
    communeId: string | null;
    communeName: string | null;
    stage: IntroductionStage;
    count: number;
    overdue: number;
  }>(
    db,
    sql`select m.residence_commune_id as "communeId", rc.name as "communeName", ${stageSql} as stage, count(*)::int as count,
          count(*) filter (where ${ISSUED} and l.issued_at < ${overdueBefore}::timestamptz)::int as overdue
        from members m join org_units c on c.id = m.cell_id
        left join introduction_letters l on l.id = m.current_letter_id
        left join org_units rc on rc.id = m.residence_commune_id
        where ${WORKING} and ${pathInSubtree(sql`c.path`, path)}
        group by 1, 2, 3`,
  );
}

/** Letters issued under `path` and overdue, and the requests still open there. */
export async function overdueAndOpenRequests(db: Executor, path: string, overdueBefore: string) {
  const [row] = await queryRows<{ overdue: number; openRequests: number }>(
    db,
    sql`select
          (select count(*)::int from introduction_letters l join org_units iu on iu.id = l.issuing_unit_id
            where ${ISSUED} and l.issued_at < ${overdueBefore}::timestamptz and ${pathInSubtree(sql`iu.path`, path)}) as overdue,
          (select count(*)::int from introduction_requests r join org_units w on w.id = r.workplace_unit_id
            where ${oneOf(sql`r.status`, openRequestStatuses)} and ${pathInSubtree(sql`w.path`, path)}) as "openRequests"`,
  );
  return row!;
}

export type WorkplaceMemberRow = Omit<
  QueueItem,
  'residenceAddress' | 'letterNumber' | 'issuedAt' | 'overdue'
> & {
  areaName: string | null;
  street: string | null;
  letterNumber: number | null;
  letterStatus: LetterStatus | null;
  issuedAt: string | null;
  sortKey: string;
};

/** Working members of the workplace subtree at `path`, in name order (keyset on sort key and id). */
export function workplaceMemberPage(
  db: Executor,
  path: string,
  filter: {
    stage?: IntroductionStage;
    communeId?: string;
    q?: string;
    after?: { k: string; id: string };
    limit: number;
  },
) {
  const where: SQL[] = [WORKING, pathInSubtree(sql`c.path`, path)];
  if (filter.stage) where.push(sql`${stageSql} = ${filter.stage}`);
  if (filter.communeId === 'none') where.push(sql`m.residence_commune_id is null`);
  else if (filter.communeId) where.push(sql`m.residence_commune_id = ${filter.communeId}`);
  const search = memberSearch('m', filter.q);
  if (search) where.push(search);
  if (filter.after)
    where.push(
      sql`(m.sort_key collate "C", m.id) > (${filter.after.k} collate "C", ${filter.after.id}::uuid)`,
    );
  return queryRows<WorkplaceMemberRow>(
    db,
    sql`select m.id as "memberId", m.full_name as "fullName", m.card_number as "cardNumber", m.phone, c.name as "cellName",
          m.category, m.residence_commune_id as "residenceCommuneId", rc.name as "residenceCommuneName", a.name as "areaName",
          m.residence_street as street, ${stageSql} as stage, l.id as "letterId", l.number as "letterNumber", l.status as "letterStatus",
          l.issued_at as "issuedAt", l.reject_reason as "rejectReason", l.reject_note as "rejectNote", rcell.name as "residenceCellName",
          m.sort_key as "sortKey"
        from members m join org_units c on c.id = m.cell_id
        left join introduction_letters l on l.id = m.current_letter_id
        left join org_units rc on rc.id = m.residence_commune_id
        left join residential_areas a on a.id = m.residence_area_id
        left join org_units rcell on rcell.id = m.residence_cell_id
        where ${and(where)}
        order by m.sort_key collate "C", m.id limit ${filter.limit + 1}`,
  );
}

export type ResidentRow = Omit<ResidentItem, 'residenceAddress' | 'letterNumber' | 'placedAt'> & {
  areaName: string | null;
  street: string | null;
  communeName: string | null;
  letterNo: number | null;
  placedAt: string | null;
  sortKey: string;
};

/**
 * Working members placed in a residential cell (`cellId`) or living in the subtree at `path`: new arrivals
 * first, then name order (keyset on both).
 */
export function residentPage(
  db: Executor,
  place: { cellId: string } | { path: string },
  filter: { onlyNew?: boolean; q?: string; after?: { isOld: boolean; k: string; id: string }; limit: number },
) {
  const where: SQL[] = [
    WORKING,
    'cellId' in place ? sql`m.residence_cell_id = ${place.cellId}` : livesUnder(place.path),
  ];
  if (filter.onlyNew) where.push(PLACED);
  const search = memberSearch('m', filter.q);
  if (search) where.push(search);
  // Never null (a member with no letter is not new): a null would break the response schema and the keyset comparison below.
  const isNew = sql`coalesce(${PLACED} and l.residence_cell_id = m.residence_cell_id, false)`;
  if (filter.after)
    where.push(
      sql`(not ${isNew}, m.sort_key collate "C", m.id) > (${filter.after.isOld}, ${filter.after.k} collate "C", ${filter.after.id}::uuid)`,
    );
  return queryRows<ResidentRow>(
    db,
    sql`select m.id as "memberId", m.full_name as "fullName", m.phone, m.email, m.category, m.category_reason as "categoryReason",
          m.residence_cell_id as "residenceCellId", rcell.name as "residenceCellName", a.name as "areaName", m.residence_street as street,
          rc.name as "communeName", w.id as "workplaceCommitteeId", w.name as "workplaceCommitteeName", w.phone as "workplaceCommitteePhone",
          c.name as "workplaceCellName", m.job_title as "jobTitle", l.id as "letterId", l.number as "letterNo", l.status as "letterStatus",
          ${isNew} as "isNew", l.placed_at as "placedAt", m.sort_key as "sortKey"
        from members m join org_units c on c.id = m.cell_id
        left join introduction_letters l on l.id = m.current_letter_id
        left join org_units rc on rc.id = m.residence_commune_id
        left join org_units rcell on rcell.id = m.residence_cell_id
        left join residential_areas a on a.id = m.residence_area_id
        left join org_units w on w.id = ${committeeOfCell(sql`c`)}
        where ${and(where)}
        order by not ${isNew}, m.sort_key collate "C", m.id limit ${filter.limit + 1}`,
  );
}

/** Introduced / received / placed / never to introduce, over rows with a letter status and a member category. */
function coverageCounts(status: SQL, category: SQL): SQL {
  return sql`count(*)::int as total,
    count(*) filter (where ${oneOf(status, introducedLetterStatuses)})::int as introduced,
    count(*) filter (where ${oneOf(status, receivedLetterStatuses)})::int as received,
    count(*) filter (where ${oneOf(status, placedLetterStatuses)})::int as placed,
    count(*) filter (where ${category} = 'not_introduced')::int as "notToIntroduce"`;
}

type Counts = Omit<CoverageRow, 'unitId' | 'unitName' | 'unitType'>;

/**
 * Coverage of the unit at `unit.path` and of each active child unit: the workplace side counts members by their
 * party cell, the residence side by their residence cell, else commune.
 */
export async function coverageRows(db: Executor, unit: UnitRef, side: 'workplace' | 'residence') {
  const memberUnit =
    side === 'workplace'
      ? sql`c.path`
      : sql`(select r.path from org_units r where r.id = coalesce(m.residence_cell_id, m.residence_commune_id))`;
  const scoped = sql`from members m join org_units c on c.id = m.cell_id
    left join introduction_letters l on l.id = m.current_letter_id
    where ${WORKING} and ${side === 'workplace' ? pathInSubtree(sql`c.path`, unit.path) : livesUnder(unit.path)}`;
  const [total] = await queryRows<Counts>(
    db,
    sql`select ${coverageCounts(sql`l.status`, sql`m.category`)} ${scoped}`,
  );
  // Group by the child's path prefix (one pass over the members), then attach every active child unit.
  const level = unit.path.split('.').length;
  const children = await queryRows<CoverageRow>(
    db,
    sql`with counted as (select ${memberUnit} as upath, m.category, l.status ${scoped}),
        g as (
          select subpath(x.upath, 0, ${level + 1}) as cpath, ${coverageCounts(sql`x.status`, sql`x.category`)}
          from counted x where nlevel(x.upath) > ${level} group by 1)
        select ch.id as "unitId", ch.name as "unitName", ch.type as "unitType", coalesce(g.total, 0) as total,
          coalesce(g.introduced, 0) as introduced, coalesce(g.received, 0) as received, coalesce(g.placed, 0) as placed,
          coalesce(g."notToIntroduce", 0) as "notToIntroduce"
        from org_units ch left join g on g.cpath = ch.path
        where ch.parent_id = ${unit.id} and ${isActiveUnit(sql`ch.status`)}
        order by coalesce(g.total, 0) desc, ch.name
        limit 500`,
  );
  return { total: total!, children };
}
