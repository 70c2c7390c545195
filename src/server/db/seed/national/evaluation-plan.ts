import { sql, type SQL } from 'drizzle-orm';
import {
  attendedStatuses,
  expectedAttendanceStatus,
  unexcusedAbsenceStatus,
} from '../../../../shared/rules/attendance';
import { contributionTransition } from '../../../../shared/rules/contribution';
import type { EvaluationStatus } from '../../../../shared/rules/evaluation';
import { heldMeetingStatus, warningTransition } from '../../../../shared/rules/meeting';
import { isNotValue, isValue, oneOf } from '../../sql-values';
import { vnYearOf } from '../../vietnam-calendar-sql';
import { pick } from '../sql-picks';
import { days, run, tempTable, vnAt, vnDate, type ProvinceContext } from './context';
import {
  CRITERIA_RANDOMS,
  PURPOSES,
  RULE_SET,
  evidenceJson,
  flagsJson,
  justificationsJson,
  proposalKey,
  ratingsJson,
} from './evaluation-forms';

/**
 * The plan of the yearly evaluation (Art. 3.4, 4.4, 4.5) for one province, in temp tables:
 * nat_cy — a cycle per workplace committee and year; nat_e — one evaluation per working member with category
 * active placed in a cell before the cycle opened, per year, plus on-demand ones for some exempt members, each
 * with its path through the workflow and the moments of each step; nat_ev — the record behind each form;
 * nat_form — ratings, evidence, flags and justifications of the form.
 *
 * A path is a status, or `upheld` / `revised` (released after a dispute; revised has a second version).
 */
export type EvaluationPath = Exclude<EvaluationStatus, 'cancelled'> | 'upheld' | 'revised';

/** Past years: nearly all released, a few still delivered or disputed, some disputes upheld or revised. */
const PAST: readonly (readonly [EvaluationPath, number])[] = [
  ['delivered', 0.01],
  ['disputed', 0.004],
  ['upheld', 0.007],
  ['revised', 0.005],
  ['released', 1],
];
/** The current year at "now": spread over the workflow. */
const CURRENT: readonly (readonly [EvaluationPath, number])[] = [
  ['requested', 0.2],
  ['drafted', 0.14],
  ['returned', 0.03],
  ['signed', 0.12],
  ['delivered', 0.26],
  ['disputed', 0.01],
  ['released', 1],
];

/** Paths that went through a step. */
export const REACHED = {
  drafted: ['drafted', 'returned', 'signed', 'delivered', 'released', 'disputed', 'upheld', 'revised'],
  signed: ['returned', 'signed', 'delivered', 'released', 'disputed', 'upheld', 'revised'],
  confirmed: ['delivered', 'released', 'disputed', 'upheld', 'revised'],
  released: ['released', 'disputed', 'upheld', 'revised'],
  disputed: ['disputed', 'upheld', 'revised'],
  secondVersion: ['returned', 'revised'],
  residenceOpen: ['requested', 'drafted', 'returned', 'signed'],
} satisfies Record<string, readonly EvaluationPath[]>;

export function reached(step: keyof typeof REACHED, alias = 'e'): SQL {
  return sql.raw(`${alias}.path in (${REACHED[step].map((p) => `'${p}'`).join(', ')})`);
}

function pathCase(shares: readonly (readonly [EvaluationPath, number])[]): SQL {
  let acc = 0;
  const whens = shares.map(([p, s]) => {
    acc = Math.min(1, acc + s);
    return `when r_path < ${acc >= 1 ? 2 : acc.toFixed(4)} then '${p}'`;
  });
  return sql.raw(`case ${whens.join(' ')} end`);
}

export async function planEvaluations(ctx: ProvinceContext): Promise<void> {
  await seedCycles(ctx);
  await planForms(ctx);
  await planEvidence(ctx);
  const form = (kind: 'full' | 'exempt') =>
    sql`(case when form_kind = ${kind} then ${ratingsJson(kind)} end)`;
  const proposal = (kind: 'full' | 'exempt') => sql.raw(`ratings ->> '${proposalKey(kind)}'`);
  await tempTable(
    ctx,
    'nat_form',
    // `offset 0`: ratings and flags are computed once per row, not once per reference
    sql`select f.*, ${justificationsJson(sql`f.flags`)} as justifications from (
          select r.*, case when form_kind = 'full' then ${flagsJson('full', sql`r.ratings`, sql`r.evidence`)}
              else ${flagsJson('exempt', sql`r.ratings`, sql`r.evidence`)} end as flags,
            case when form_kind = 'full' then ${proposal('full')} else ${proposal('exempt')} end as proposal
          from (
            select e.id, e.form_kind, coalesce(${form('full')}, ${form('exempt')}) as ratings, ${evidenceJson()} as evidence
            from nat_e e join nat_ev v on v.id = e.id offset 0) r offset 0) f`,
  );
}

async function seedCycles(ctx: ProvinceContext): Promise<void> {
  // Past years: opened in the first half of November; this year: 10 to 50 days ago (some past their due date).
  await tempTable(
    ctx,
    'nat_cy',
    sql`select gen_random_uuid() as id, wp_id, year, opened_at, ${vnDate(sql`opened_at`)} + ${RULE_SET.defaultDueDays}::int as due_date
        from (select wp.id as wp_id, y as year, case when y < ${ctx.year}::int
            then ${vnAt(sql`make_date(y, 11, 1) + floor(random() * 15)::int`, '08:00')} else ${ctx.now} - ${days('10 + 40 * random()')} end as opened_at
          from nat_wp wp cross join unnest(${`{${ctx.years.join(',')}}`}::int[]) y) o`,
  );
  await run(
    ctx,
    sql`insert into evaluation_cycles (id, workplace_unit_id, year, rule_set_code, due_date, opened_at)
        select id, wp_id, year, ${RULE_SET.code}::text, due_date, opened_at from nat_cy`,
  );
}

const RANDOMS = sql.raw(
  [
    'r_path',
    'u1',
    'u2',
    'u3',
    'u4',
    'r_self',
    'r_misc',
    ...Array.from({ length: CRITERIA_RANDOMS }, (_, i) => `r_c${i + 1}`),
  ]
    .map((r) => `random() as ${r}`)
    .join(', '),
);

async function planForms(ctx: ProvinceContext): Promise<void> {
  const { now } = ctx;
  // Guide 33: exempt members get comments only on demand, on the shorter form.
  const onDemandFrom = sql`greatest(w.placed_at, ${vnAt(sql`make_date(${ctx.years[0]!}::int, 1, 1)`, '08:00')})`;
  const recent = sql`t0 > ${now} - interval '40 days'`;
  await tempTable(
    ctx,
    'nat_e',
    sql`with base as materialized (
          select gen_random_uuid() as id, w.id as member_id, cy.year, 'yearly'::evaluation_kind as kind, null::text as purpose,
            'full'::evaluation_form_kind as form_kind, cy.id as cycle_id, w.wp_id, w.commune_id, w.area_cell_id as cell_id, w.area_id,
            cy.due_date, cy.opened_at as t0, false as by_member
          from nat_cy cy join nat_w w on w.wp_id = cy.wp_id
          where w.category = 'active' and w.placed_at < cy.opened_at
          union all
          select gen_random_uuid(), w.id, ${vnYearOf(sql`d.t0`)}, 'on_demand', ${pick(PURPOSES, 'w.habit')},
            'exempt', null, w.wp_id, w.commune_id, w.area_cell_id, w.area_id, ${vnDate(sql`d.t0`)} + ${RULE_SET.defaultDueDays}::int, d.t0,
            w.r_t3 < 0.1
          from nat_w w cross join lateral (select ${onDemandFrom} + (${now} - ${onDemandFrom}) * w.r_other as t0) d
          where w.category = 'exempt' and w.placed_at is not null and w.r_hist > 0.85),
        r as (select base.*, (row_number() over ())::int as ord, ${RANDOMS} from base)
        select r.*, p.path, tl.*,
          kind = 'yearly' and ((p.path <> 'requested' and r_self < 0.75) or r_self < 0.3) as self_reported
        from r
        cross join lateral (select case when (kind = 'yearly' and year < ${ctx.year}::int) or (kind = 'on_demand' and not ${recent})
          then ${pathCase(PAST)} else ${pathCase(CURRENT)} end as path) p
        cross join lateral ${timeline(ctx)}`,
  );
}

/**
 * The moments of each step, all between the request (t0) and min(now, t0 + 80 days), each after the previous:
 * draft, sign, confirm (= deliver) and release of version 1; dispute and dialogue; then version 2's steps.
 */
function timeline(ctx: ProvinceContext): SQL {
  const step = (from: string, frac: string) => `${from} + (t_end - ${from}) * (${frac})`;
  // `offset 0` keeps each level a subquery: flattened, every step would repeat the previous one's expression twice.
  return sql`(select d1, s1, c1, r1, dopen, dclose, ${sql.raw(step('dclose', '0.1'))} as d2, ${sql.raw(step('dclose', '0.25'))} as s2,
      ${sql.raw(step('dclose', '0.4'))} as c2, ${sql.raw(step('dclose', '0.6'))} as r2, t_end
    from (select t_end, d1, s1, c1, r1, ${sql.raw(step('r1', '0.2'))} as dopen, ${sql.raw(step('r1', '0.4'))} as dclose
      from (select t_end, d1, s1, c1, ${sql.raw(step('c1', '0.1 + 0.3 * u4'))} as r1
        from (select t_end, d1, s1, ${sql.raw(step('s1', '0.05 + 0.2 * u3'))} as c1
          from (select t_end, d1, ${sql.raw(step('d1', '0.05 + 0.2 * u2'))} as s1
            from (select t_end, ${sql.raw(step('t0', '0.05 + 0.25 * u1'))} as d1
              from (select least(${ctx.now}, t0 + interval '80 days') as t_end) a offset 0) b offset 0) c offset 0) d offset 0) e offset 0) f) tl`;
}

/** The record behind each form, per member and year, counted as evidence.repository.ts counts it. */
async function planEvidence(ctx: ProvinceContext): Promise<void> {
  await tempTable(
    ctx,
    'nat_ev',
    sql`select e.id, coalesce(a.held, 0) as held, coalesce(a.expected, 0) as expected, coalesce(a.attended, 0) as attended,
          coalesce(a.unexcused, 0) as unexcused, coalesce(c.contributions, 0) as contributions, coalesce(c.work_days, 0) as work_days,
          coalesce(wo.open_warnings, 0) as open_warnings, coalesce(wy.this_year, 0) as this_year
        from nat_e e
        left join (
          select a.member_id, m.y, count(*)::int as held,
            count(*) filter (where ${isNotValue(sql`a.status`, expectedAttendanceStatus.exempt)})::int as expected,
            count(*) filter (where ${oneOf(sql`a.status`, attendedStatuses)})::int as attended,
            count(*) filter (where ${isValue(sql`a.status`, unexcusedAbsenceStatus)})::int as unexcused
          from meeting_attendances a join nat_m m on m.id = a.meeting_id where ${isValue(sql`m.status`, heldMeetingStatus)} group by 1, 2
        ) a on a.member_id = e.member_id and a.y = e.year
        left join (
          select c.member_id, t.y, count(*)::int as contributions, coalesce(sum(c.work_days), 0) as work_days
          from activity_contributions c join nat_act t on t.id = c.activity_id where ${isValue(sql`c.status`, contributionTransition('record').to)} group by 1, 2
        ) c on c.member_id = e.member_id and c.y = e.year
        left join (
          select member_id, count(*) filter (where ${oneOf(sql`st`, warningTransition('resolve').from)})::int as open_warnings from nat_warn group by 1
        ) wo on wo.member_id = e.member_id
        left join (
          select member_id, ${vnYearOf(sql`created_at`)} as y, count(*)::int as this_year
          from nat_warn where ${isNotValue(sql`st`, warningTransition('withdraw').to)} group by 1, 2
        ) wy on wy.member_id = e.member_id and wy.y = e.year`,
  );
}
