import { sql, type SQL } from 'drizzle-orm';
import type { DrillKind } from '../../../shared/rules/report-figures';
import { stageByLetterStatus } from '../../../shared/rules/introduction-letter';
import type { MeetingStatus } from '../../../shared/rules/meeting';
import { foldVietnamese } from '../../../shared/rules/vietnamese-name';
import { isValue } from '../../db/sql-values';
import { queryRows, type Executor } from '../../db/client';
import { searchMembersAs } from '../../db/member-sql';
import { vnHalfOf, vnYearOf } from '../../db/vietnam-calendar-sql';
import type { FigureContext, FigureSource } from './figures/figure-source.repository';

/**
 * The lists behind the figures: the rows of a figure's own source that satisfy its predicate and count
 * under the unit (its subtree, or the unit itself), in a stable keyset order. Columns per kind of list.
 */

export type LinkKind = 'member' | 'letter' | 'meeting' | 'evaluation' | 'activity' | 'unit';

interface KindDefinition {
  columns: string[];
  /** the row id, the link target, then one expression per column */
  select: (p: { year: number }) => { id: SQL; link: SQL | null; values: SQL[] };
  linkKind: LinkKind | null;
  /** keyset order (compared as text) */
  order: SQL[];
  search: (q: string) => SQL | undefined;
}

const nameOf = (id: SQL) => sql`(select u.name from org_units u where u.id = ${id})`;
const byMember: SQL[] = [sql`m.sort_key`];
const searchMember = (q: string) => searchMembersAs('m', q);
const searchText = (column: SQL) => (q: string) =>
  sql`lower(immutable_unaccent(${column})) like ${`%${foldVietnamese(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;

const stageCase = sql.raw(
  `(case when m.category = 'not_introduced' then 'not_to_introduce' ${Object.entries(stageByLetterStatus)
    .map(([status, stage]) => `when l.status = '${status}' then '${stage}'`)
    .join(' ')} else 'not_introduced' end)`,
);

const heldIn = (
  half: 1 | 2,
  year: number,
) => sql`(select count(*)::int from meetings hm where hm.cell_id = c.id
  and ${isValue(sql`hm.status`, 'held' satisfies MeetingStatus)} and hm.kind = 'regular'
  and ${vnYearOf(sql`hm.starts_at`)} = ${year} and ${vnHalfOf(sql`hm.starts_at`)} = ${half})`;

export const drillKindDefinitions: Record<DrillKind, KindDefinition> = {
  members: {
    columns: ['fullName', 'cardNumber', 'workplaceCell', 'residenceCell', 'commune', 'category', 'stage'],
    select: () => ({
      id: sql`m.id`,
      link: sql`m.id`,
      values: [
        sql`m.full_name`,
        sql`m.card_number`,
        sql`wc.name`,
        nameOf(sql`m.residence_cell_id`),
        nameOf(sql`m.residence_commune_id`),
        sql`m.category::text`,
        stageCase,
      ],
    }),
    linkKind: 'member',
    order: [...byMember, sql`m.id`],
    search: searchMember,
  },
  letters: {
    columns: [
      'fullName',
      'cardNumber',
      'number',
      'status',
      'issuedAt',
      'placedAt',
      'rejectedAt',
      'issuingUnit',
      'commune',
    ],
    select: () => ({
      id: sql`l.id`,
      link: sql`l.id`,
      values: [
        sql`m.full_name`,
        sql`m.card_number`,
        sql`case when l.number is not null then l.number || '-GGT/ĐU' end`,
        sql`l.status::text`,
        sql`l.issued_at`,
        sql`l.placed_at`,
        sql`l.rejected_at`,
        nameOf(sql`l.issuing_unit_id`),
        nameOf(sql`l.receiving_commune_id`),
      ],
    }),
    linkKind: 'letter',
    order: [...byMember, sql`l.id`],
    search: searchMember,
  },
  requests: {
    columns: ['fullName', 'cardNumber', 'commune', 'workplace', 'createdAt'],
    select: () => ({
      id: sql`r.id`,
      link: sql`r.member_id`,
      values: [
        sql`r.full_name`,
        sql`r.card_number`,
        nameOf(sql`r.commune_id`),
        nameOf(sql`r.workplace_unit_id`),
        sql`r.created_at`,
      ],
    }),
    linkKind: 'member',
    order: [sql`vn_sort_key(r.full_name)`, sql`r.id`],
    search: searchText(sql`r.full_name`),
  },
  cells: {
    columns: ['cell', 'commune', 'heldFirstHalf', 'heldSecondHalf'],
    select: ({ year }) => ({
      id: sql`c.id`,
      link: sql`c.id`,
      values: [sql`c.name`, nameOf(sql`c.parent_id`), heldIn(1, year), heldIn(2, year)],
    }),
    linkKind: 'unit',
    order: [sql`c.name`, sql`c.id`],
    search: searchText(sql`c.name`),
  },
  meetings: {
    columns: ['title', 'cell', 'startsAt', 'meetingKind', 'meetingStatus'],
    select: () => ({
      id: sql`mt.id`,
      link: sql`mt.id`,
      values: [
        sql`mt.title`,
        nameOf(sql`mt.cell_id`),
        sql`mt.starts_at`,
        sql`mt.kind::text`,
        sql`mt.status::text`,
      ],
    }),
    linkKind: 'meeting',
    order: [sql`mt.starts_at`, sql`mt.id`],
    search: searchText(sql`mt.title`),
  },
  attendance: {
    columns: ['fullName', 'cardNumber', 'cell', 'startsAt', 'attendance', 'reason'],
    select: () => ({
      id: sql`a.meeting_id || ':' || a.member_id`,
      link: sql`m.id`,
      values: [
        sql`m.full_name`,
        sql`m.card_number`,
        nameOf(sql`a.unit_id`),
        sql`mt.starts_at`,
        sql`a.status::text`,
        sql`coalesce(a.reason, a.rsvp_reason)`,
      ],
    }),
    linkKind: 'member',
    order: [...byMember, sql`mt.starts_at`, sql`a.meeting_id`],
    search: searchMember,
  },
  alerts: {
    columns: ['fullName', 'cardNumber', 'cell', 'startsAt', 'consecutive'],
    select: () => ({
      id: sql`al.id`,
      link: sql`m.id`,
      values: [
        sql`m.full_name`,
        sql`m.card_number`,
        nameOf(sql`mt.cell_id`),
        sql`mt.starts_at`,
        sql`al.consecutive`,
      ],
    }),
    linkKind: 'member',
    order: [...byMember, sql`al.id`],
    search: searchMember,
  },
  warnings: {
    columns: ['fullName', 'cardNumber', 'cell', 'warningKind', 'warningStatus', 'deadline', 'createdAt'],
    select: () => ({
      id: sql`w.id`,
      link: sql`m.id`,
      values: [
        sql`m.full_name`,
        sql`m.card_number`,
        nameOf(sql`w.cell_id`),
        sql`w.kind::text`,
        sql`w.status::text`,
        sql`w.deadline`,
        sql`w.created_at`,
      ],
    }),
    linkKind: 'member',
    order: [...byMember, sql`w.id`],
    search: searchMember,
  },
  activities: {
    columns: ['title', 'unit', 'activityKind', 'startsOn'],
    select: () => ({
      id: sql`act.id`,
      link: sql`act.id`,
      values: [sql`act.title`, nameOf(sql`act.unit_id`), sql`act.kind::text`, sql`act.starts_on`],
    }),
    linkKind: 'activity',
    order: [sql`act.starts_on`, sql`act.id`],
    search: searchText(sql`act.title`),
  },
  contributions: {
    columns: ['fullName', 'cardNumber', 'activity', 'unit', 'workDays', 'moneyVnd'],
    select: () => ({
      id: sql`ac.id`,
      link: sql`m.id`,
      values: [
        sql`m.full_name`,
        sql`m.card_number`,
        sql`act.title`,
        nameOf(sql`act.unit_id`),
        sql`ac.work_days::float8`,
        sql`ac.money_vnd::float8`,
      ],
    }),
    linkKind: 'member',
    order: [...byMember, sql`ac.id`],
    search: searchMember,
  },
  evaluations: {
    columns: [
      'fullName',
      'cardNumber',
      'workplaceCell',
      'residenceCell',
      'commune',
      'evaluationStatus',
      'dueDate',
    ],
    select: () => ({
      id: sql`e.id`,
      link: sql`e.id`,
      values: [
        sql`m.full_name`,
        sql`m.card_number`,
        nameOf(sql`m.cell_id`),
        nameOf(sql`e.cell_id`),
        nameOf(sql`e.commune_id`),
        sql`e.status::text`,
        sql`e.due_date`,
      ],
    }),
    linkKind: 'evaluation',
    order: [...byMember, sql`e.id`],
    search: searchMember,
  },
  disputes: {
    columns: ['fullName', 'cardNumber', 'openedAt', 'disputeStatus', 'outcome', 'evaluationStatus'],
    select: () => ({
      id: sql`d.id`,
      link: sql`e.id`,
      values: [
        sql`m.full_name`,
        sql`m.card_number`,
        sql`d.opened_at`,
        sql`d.status::text`,
        sql`d.outcome`,
        sql`e.status::text`,
      ],
    }),
    linkKind: 'evaluation',
    order: [...byMember, sql`d.id`],
    search: searchMember,
  },
};

export interface DrillStatement {
  source: FigureSource;
  ctx: FigureContext;
  anchor: SQL;
  touches: (units: SQL) => SQL;
  predicate: SQL;
  /** units the anchor must be one of (a subtree or one unit); null: anywhere */
  units: SQL | null;
  year: number;
  /** the source's own date condition for the period (year, half-year) */
  period: SQL[];
  q?: string;
  after: string[] | null;
  limit: number;
}

export interface DrillRowData {
  id: string;
  linkId: string | null;
  keys: string[];
  values: (string | number | null)[];
}

export async function drillRows(db: Executor, s: DrillStatement): Promise<DrillRowData[]> {
  const kind = drillKindDefinitions[s.source.drill];
  const sel = kind.select({ year: s.year });
  const keys = kind.order.map((k) => sql`(${k})::text collate "C"`);
  const where: SQL[] = [s.predicate, ...s.period];
  if (s.units) where.push(s.touches(s.units), sql`${s.anchor} = any(${s.units})`);
  else where.push(sql`${s.anchor} is not null`);
  const search = s.q ? kind.search(s.q) : undefined;
  if (search) where.push(search);
  if (s.after)
    where.push(
      sql`(${sql.join(keys, sql`, `)}) > (${sql.join(
        s.after.map((v) => sql`${v}::text collate "C"`),
        sql`, `,
      )})`,
    );
  const rows = await queryRows<{
    id: string;
    linkId: string | null;
    keys: string[];
    values: (string | number | null)[];
  }>(
    db,
    sql`${s.source.with ? sql`with ${s.source.with}` : sql``}
      select (${sel.id})::text as id, ${sel.link ? sql`(${sel.link})::text` : sql`null::text`} as "linkId",
        array[${sql.join(keys, sql`, `)}] as keys,
        json_build_array(${sql.join(sel.values, sql`, `)}) as values
      from ${s.source.from(s.ctx)} and ${sql.join(where, sql` and `)}
      order by ${sql.join(keys, sql`, `)}
      limit ${s.limit}`,
  );
  return rows.map((r) => ({
    ...r,
    values: typeof r.values === 'string' ? (JSON.parse(r.values) as (string | number | null)[]) : r.values,
  }));
}

/** The units of a subtree, as an array for `anchor = any(…)` (an array, not a subquery: ORs of them stay index scans). */
export function subtreeUnits(path: string): SQL {
  return sql`array(select su.id from org_units su where su.path <@ ${path}::ltree)`;
}

export function oneUnit(id: string): SQL {
  return sql`array[${id}::uuid]`;
}
