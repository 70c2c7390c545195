import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type {
  Coverage,
  CoverageRow,
  QueueItem,
  ResidentItem,
  ResidentsQuery,
  StageCounts,
  WorkplaceMembersQuery,
  WorkplaceSummary,
} from '../../../shared/contracts/introductions';
import {
  awaitingReceiptStatus,
  formatLetterNumber,
  introducedLetterStatuses,
  introductionStages,
  isOverdue,
  placedLetterStatuses,
  receivedLetterStatuses,
  stageByLetterStatus,
  transitionFor,
  type IntroductionStage,
  type LetterStatus,
} from '../../../shared/rules/introduction-letter';
import { openRequestStatuses } from '../../../shared/rules/introduction-request';
import { isValue, literal, oneOf } from '../../db/sql-values';
import { isAdmin, type Actor } from '../../http/actor';
import { Forbidden, NotFound } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../members/members.repository';
import { reachesPath } from './introductions.access';
import * as repo from './letters.repository';
import { residenceAddress, type LetterDeps } from './letters.service';

/** Queues, residents and coverage: who is where in the hand-off, for each side (Art. 3.1, 4.1, 4.2). */

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

const WORKING = sql`m.status = 'active' and c.type = 'workplace_cell'`;

interface UnitRef {
  id: string;
  name: string;
  path: string;
  type: string;
}

async function findUnit(db: Executor, id: string): Promise<UnitRef | undefined> {
  const [u] = await queryRows<UnitRef>(
    db,
    sql`select id, name, path::text as path, type from org_units where id = ${id}`,
  );
  return u;
}

/** The unit asked for, or the actor's first unit with one of the roles; 404 when out of reach. */
async function resolveUnit(
  db: Executor,
  actor: Actor,
  unitId: string | undefined,
  roles: Parameters<typeof reachesPath>[2],
  preferTypes: string[],
): Promise<UnitRef> {
  const id =
    unitId ??
    actor.grants.find((g) => roles.includes(g.role) && g.unitId && preferTypes.includes(g.unitType ?? ''))
      ?.unitId ??
    actor.grants.find((g) => roles.includes(g.role) && g.unitId)?.unitId;
  if (!id) throw new NotFound('introductions_no_unit');
  const unit = await findUnit(db, id);
  if (!unit || !reachesPath(actor, unit.path, roles)) throw new NotFound();
  return unit;
}

function emptyCounts(): StageCounts {
  return Object.fromEntries(introductionStages.map((s) => [s, 0])) as StageCounts;
}

export async function workplaceSummary(
  deps: LetterDeps,
  actor: Actor,
  unitId?: string,
): Promise<WorkplaceSummary> {
  const unit = await resolveUnit(deps.db, actor, unitId, ['committee_officer'], ['workplace_committee']);
  const overdueBefore = new Date(
    deps.clock.now().getTime() - deps.config.overdueDays * 86_400_000,
  ).toISOString();
  const [rows, [extra]] = await Promise.all([
    queryRows<{
      communeId: string | null;
      communeName: string | null;
      stage: IntroductionStage;
      count: number;
      overdue: number;
    }>(
      deps.db,
      sql`select m.residence_commune_id as "communeId", rc.name as "communeName", ${stageSql} as stage, count(*)::int as count,
            count(*) filter (where ${ISSUED} and l.issued_at < ${overdueBefore}::timestamptz)::int as overdue
          from members m join org_units c on c.id = m.cell_id
          left join introduction_letters l on l.id = m.current_letter_id
          left join org_units rc on rc.id = m.residence_commune_id
          where ${WORKING} and c.path <@ ${unit.path}::ltree
          group by 1, 2, 3`,
    ),
    queryRows<{ overdue: number; openRequests: number }>(
      deps.db,
      sql`select
            (select count(*)::int from introduction_letters l join org_units iu on iu.id = l.issuing_unit_id
              where ${ISSUED} and l.issued_at < ${overdueBefore}::timestamptz and iu.path <@ ${unit.path}::ltree) as overdue,
            (select count(*)::int from introduction_requests r join org_units w on w.id = r.workplace_unit_id
              where ${oneOf(sql`r.status`, openRequestStatuses)} and w.path <@ ${unit.path}::ltree) as "openRequests"`,
    ),
  ]);
  const totals = emptyCounts();
  const communes = new Map<string, WorkplaceSummary['communes'][number]>();
  for (const r of rows) {
    totals[r.stage] += r.count;
    const key = r.communeId ?? 'none';
    const entry = communes.get(key) ?? {
      communeId: r.communeId,
      communeName: r.communeName,
      counts: emptyCounts(),
      total: 0,
      overdue: 0,
    };
    entry.counts[r.stage] += r.count;
    entry.total += r.count;
    entry.overdue += r.overdue;
    communes.set(key, entry);
  }
  const list = [...communes.values()].sort((a, b) =>
    (a.communeName ?? '\uffff').localeCompare(b.communeName ?? '\uffff', 'vi'),
  );
  return {
    unitId: unit.id,
    unitName: unit.name,
    totals,
    overdue: extra!.overdue,
    openRequests: extra!.openRequests,
    communes: list,
  };
}

export async function workplaceMembers(deps: LetterDeps, actor: Actor, query: WorkplaceMembersQuery) {
  const unit = await resolveUnit(
    deps.db,
    actor,
    query.unitId,
    ['committee_officer'],
    ['workplace_committee'],
  );
  const where: SQL[] = [WORKING, sql`c.path <@ ${unit.path}::ltree`];
  if (query.stage) where.push(sql`${stageSql} = ${query.stage}`);
  if (query.communeId === 'none') where.push(sql`m.residence_commune_id is null`);
  else if (query.communeId) where.push(sql`m.residence_commune_id = ${query.communeId}`);
  const search = repo.memberSearch('m', query.q);
  if (search) where.push(search);
  const cursor = decodeCursor(query.cursor);
  if (cursor) where.push(sql`(m.sort_key collate "C", m.id) > (${cursor.k} collate "C", ${cursor.id}::uuid)`);
  const rows = await queryRows<{
    memberId: string;
    fullName: string;
    cardNumber: string;
    phone: string | null;
    cellName: string;
    category: QueueItem['category'];
    residenceCommuneId: string | null;
    residenceCommuneName: string | null;
    areaName: string | null;
    street: string | null;
    stage: IntroductionStage;
    letterId: string | null;
    letterNumber: number | null;
    letterStatus: LetterStatus | null;
    issuedAt: string | null;
    rejectReason: QueueItem['rejectReason'];
    rejectNote: string | null;
    residenceCellName: string | null;
    sortKey: string;
  }>(
    deps.db,
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
        where ${sql.join(
          where.map((w) => sql`(${w})`),
          sql` and `,
        )}
        order by m.sort_key collate "C", m.id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const now = deps.clock.now();
  const last = page[page.length - 1];
  return {
    items: page.map((r): QueueItem => ({
      memberId: r.memberId,
      fullName: r.fullName,
      cardNumber: r.cardNumber,
      phone: r.phone,
      cellName: r.cellName,
      category: r.category,
      residenceCommuneId: r.residenceCommuneId,
      residenceCommuneName: r.residenceCommuneName,
      residenceAddress: residenceAddress(r.street, r.areaName, r.residenceCommuneName),
      stage: r.stage,
      letterId: r.letterId,
      letterNumber: formatLetterNumber(r.letterNumber),
      letterStatus: r.letterStatus,
      issuedAt: r.issuedAt ? new Date(r.issuedAt).toISOString() : null,
      overdue: r.letterStatus
        ? isOverdue(r.letterStatus, r.issuedAt ? new Date(r.issuedAt) : null, now, deps.config.overdueDays)
        : false,
      rejectReason: r.rejectReason,
      rejectNote: r.rejectNote,
      residenceCellName: r.residenceCellName,
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ k: last.sortKey, id: last.memberId }) : null,
  };
}

/** Working members living in a commune (Art. 4.1) or placed in a residential cell (Art. 4.2). */
export async function listResidents(deps: LetterDeps, actor: Actor, query: ResidentsQuery) {
  const where: SQL[] = [WORKING];
  if (query.cellId) {
    const cell = await findUnit(deps.db, query.cellId);
    if (!cell || !reachesPath(actor, cell.path, ['committee_officer', 'cell_secretary', 'front_head']))
      throw new NotFound();
    where.push(sql`m.residence_cell_id = ${cell.id}`);
  } else {
    const unit = await resolveUnit(
      deps.db,
      actor,
      query.unitId,
      ['committee_officer', 'cell_secretary', 'front_head'],
      ['commune_committee', 'residential_cell'],
    );
    if (unit.type === 'residential_cell') where.push(sql`m.residence_cell_id = ${unit.id}`);
    else
      where.push(sql`(m.residence_commune_id in (select u.id from org_units u where u.path <@ ${unit.path}::ltree)
        or m.residence_cell_id in (select u.id from org_units u where u.path <@ ${unit.path}::ltree))`);
  }
  if (query.onlyNew) where.push(PLACED);
  const search = repo.memberSearch('m', query.q);
  if (search) where.push(search);
  const cursor = decodeCursor(query.cursor);
  // New arrivals first, then Vietnamese name order. Never null (a member with no letter is not new): a null
  // would break the response schema and the keyset comparison below.
  const isNew = sql`coalesce(${PLACED} and l.residence_cell_id = m.residence_cell_id, false)`;
  if (cursor)
    where.push(
      sql`(not ${isNew}, m.sort_key collate "C", m.id) > (${cursor.fuzzy ?? false}, ${cursor.k} collate "C", ${cursor.id}::uuid)`,
    );
  const rows = await queryRows<
    Omit<ResidentItem, 'residenceAddress' | 'letterNumber' | 'placedAt'> & {
      areaName: string | null;
      street: string | null;
      communeName: string | null;
      letterNo: number | null;
      placedAt: string | null;
      sortKey: string;
    }
  >(
    deps.db,
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
        left join org_units w on w.id = ${repo.committeeOfCell(sql`c`)}
        where ${sql.join(
          where.map((w) => sql`(${w})`),
          sql` and `,
        )}
        order by not ${isNew}, m.sort_key collate "C", m.id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r): ResidentItem => ({
      memberId: r.memberId,
      fullName: r.fullName,
      phone: r.phone,
      email: r.email,
      category: r.category,
      categoryReason: r.categoryReason,
      residenceCellId: r.residenceCellId,
      residenceCellName: r.residenceCellName,
      residenceAddress: residenceAddress(r.street, r.areaName, r.communeName),
      workplaceCommitteeId: r.workplaceCommitteeId,
      workplaceCommitteeName: r.workplaceCommitteeName,
      workplaceCommitteePhone: r.workplaceCommitteePhone,
      workplaceCellName: r.workplaceCellName,
      jobTitle: r.jobTitle,
      letterId: r.letterId,
      letterNumber: formatLetterNumber(r.letterNo),
      letterStatus: r.letterStatus,
      isNew: r.isNew,
      placedAt: r.placedAt ? new Date(r.placedAt).toISOString() : null,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ k: last.sortKey, id: last.memberId, fuzzy: !last.isNew })
        : null,
  };
}

const WORKPLACE_TYPES = new Set(['workplace_committee', 'workplace_cell', 'bloc_committee']);
const RESIDENCE_TYPES = new Set(['commune_committee', 'residential_cell', 'district_committee']);

/**
 * Share of working members introduced / received / placed, for a unit and each of its child units.
 * Workplace side counts members by their party cell; residence side by where they live.
 */
export async function coverage(
  deps: LetterDeps,
  actor: Actor,
  unitId: string | undefined,
  side?: 'workplace' | 'residence',
): Promise<Coverage> {
  const unit = await resolveUnit(
    deps.db,
    actor,
    unitId,
    ['committee_officer', 'cell_secretary', 'front_head'],
    ['workplace_committee', 'commune_committee'],
  );
  const chosen =
    side ??
    (RESIDENCE_TYPES.has(unit.type)
      ? 'residence'
      : WORKPLACE_TYPES.has(unit.type)
        ? 'workplace'
        : 'workplace');
  if (chosen === 'workplace' && !isAdmin(actor) && !reachesPath(actor, unit.path, ['committee_officer']))
    throw new Forbidden('introductions_side_not_allowed');
  // Which unit a member counts under: their party cell (workplace) or their residence cell, else commune.
  const memberUnit =
    chosen === 'workplace'
      ? sql`c.path`
      : sql`(select r.path from org_units r where r.id = coalesce(m.residence_cell_id, m.residence_commune_id))`;
  const counts = sql`count(*)::int as total,
    count(*) filter (where ${oneOf(sql`l.status`, introducedLetterStatuses)})::int as introduced,
    count(*) filter (where ${oneOf(sql`l.status`, receivedLetterStatuses)})::int as received,
    count(*) filter (where ${oneOf(sql`l.status`, placedLetterStatuses)})::int as placed,
    count(*) filter (where m.category = 'not_introduced')::int as "notToIntroduce"`;
  const base = sql`from members m join org_units c on c.id = m.cell_id
    left join introduction_letters l on l.id = m.current_letter_id
    where ${WORKING}`;
  const scoped =
    chosen === 'workplace'
      ? sql`${base} and c.path <@ ${unit.path}::ltree`
      : sql`${base} and (m.residence_commune_id in (select u.id from org_units u where u.path <@ ${unit.path}::ltree)
          or m.residence_cell_id in (select u.id from org_units u where u.path <@ ${unit.path}::ltree))`;
  const [total] = await queryRows<Omit<CoverageRow, 'unitId' | 'unitName' | 'unitType'>>(
    deps.db,
    sql`select ${counts} ${scoped}`,
  );
  // Group by the child's path prefix (one pass over the members), then attach every active child unit.
  const level = unit.path.split('.').length;
  const children = await queryRows<CoverageRow>(
    deps.db,
    sql`with counted as (select ${memberUnit} as upath, m.category, l.status ${scoped}),
        g as (
          select subpath(x.upath, 0, ${level + 1}) as cpath, count(*)::int as total,
            count(*) filter (where ${oneOf(sql`x.status`, introducedLetterStatuses)})::int as introduced,
            count(*) filter (where ${oneOf(sql`x.status`, receivedLetterStatuses)})::int as received,
            count(*) filter (where ${oneOf(sql`x.status`, placedLetterStatuses)})::int as placed,
            count(*) filter (where x.category = 'not_introduced')::int as "notToIntroduce"
          from counted x where nlevel(x.upath) > ${level} group by 1)
        select ch.id as "unitId", ch.name as "unitName", ch.type as "unitType", coalesce(g.total, 0) as total,
          coalesce(g.introduced, 0) as introduced, coalesce(g.received, 0) as received, coalesce(g.placed, 0) as placed,
          coalesce(g."notToIntroduce", 0) as "notToIntroduce"
        from org_units ch left join g on g.cpath = ch.path
        where ch.parent_id = ${unit.id} and ch.status = 'active'
        order by coalesce(g.total, 0) desc, ch.name
        limit 500`,
  );
  return {
    unitId: unit.id,
    unitName: unit.name,
    side: chosen,
    total: { unitId: unit.id, unitName: unit.name, unitType: unit.type, ...total! },
    children,
  };
}
