import { sql, type SQL } from 'drizzle-orm';
import { evaluationTransition } from '../../../../shared/rules/evaluation';
import { literal } from '../../sql-values';
import { pick } from '../sql-picks';
import { run, uniqueCode, vnAt, vnDate, type ProvinceContext } from './context';
import { RULE_SET } from './evaluation-forms';
import { planEvaluations, reached } from './evaluation-plan';
import { seedEvaluationExtras } from './evaluation-extras';
import { OTHER_COMMENTS, RETURN_REASONS, REVISE_NOTES } from './vocab';

/**
 * The yearly evaluations of one province from the plan (evaluation-plan.ts): the evaluation rows with the
 * moments of each step and where they go, and their versions — the signed version stays as it was when the
 * commune returns it or a dispute is revised, and the next version carries the content over.
 */
const CODE = { current: 2, replaced: 3 } as const;
const PARTICIPANTS = 'Chi ủy chi bộ, Ban công tác Mặt trận khu dân cư';

export async function seedEvaluations(ctx: ProvinceContext): Promise<void> {
  await planEvaluations(ctx);
  await insertEvaluations(ctx);
  await insertVersions(ctx);
  await seedEvaluationExtras(ctx);
}

/** The reason on a returned form (the commune) or a revised one (the dialogue), same on the evaluation and its new version. */
const reopenReason = sql`case when e.path = 'returned' then ${pick(RETURN_REASONS, 'e.r_misc')} when e.path = 'revised' then ${REVISE_NOTES}::text end`;
const code = (kind: keyof typeof CODE, ctx: ProvinceContext) =>
  uniqueCode(CODE[kind], ctx.plan.spec.index, sql`e.ord`);

async function insertEvaluations(ctx: ProvinceContext): Promise<void> {
  const revised = sql`e.path = 'revised'`;
  const drafted = sql`case when ${revised} then e.d2 when ${reached('drafted')} then e.d1 end`;
  const signed = sql`case when ${revised} then e.s2 when ${reached('signed')} and e.path <> 'returned' then e.s1 end`;
  const confirmed = sql`case when ${revised} then e.c2 when ${reached('confirmed')} then e.c1 end`;
  const released = sql`case when ${revised} then e.r2 when ${reached('released')} then e.r1 end`;
  const answered = sql`${reached('released')} and f.proposal is not null and f.proposal <> 'none'`;
  await run(
    ctx,
    sql`insert into evaluations (id, cycle_id, member_id, year, kind, purpose, requested_by_member, rule_set_code, form_kind, workplace_unit_id,
          commune_id, cell_id, residence_area_id, due_date, status, version, requested_at, drafted_at, signed_at, confirmed_at, delivered_at,
          released_at, return_reason, proposal, proposal_answer, proposal_answered_at, verification_code, overdue_notified_at, updated_at)
        select e.id, e.cycle_id, e.member_id, e.year, e.kind, e.purpose, e.by_member, ${RULE_SET.code}::text, e.form_kind, e.wp_id,
          e.commune_id, e.cell_id, e.area_id, e.due_date,
          (case when e.path in ('upheld', 'revised') then ${literal(evaluationTransition('release').to)} else e.path end)::evaluation_status,
          case when ${reached('secondVersion')} then 2 else 1 end,
          e.t0, ${drafted}, ${signed}, ${confirmed}, ${confirmed}, ${released}, ${reopenReason},
          case when (${signed}) is not null then f.proposal end,
          case when ${answered} then case when e.r_misc < 0.6 then 'accepted' else 'noted' end end,
          case when ${answered} then least(${released} + interval '5 days', ${ctx.now}) end,
          case when ${reached('confirmed')} then ${code('current', ctx)} end,
          -- the hourly job told the residence side once that the form is past its due date
          case when ${reached('residenceOpen')} and e.due_date < ${ctx.today}::date and e.r_misc < 0.8
            then least(${vnAt(sql`e.due_date + 1`, '08:00')}, ${ctx.now}) end,
          coalesce(${released}, ${confirmed}, case when e.path = 'returned' then e.c1 end, ${signed}, ${drafted}, e.t0)
        from nat_e e join nat_form f on f.id = e.id`,
  );
}

interface VersionParts {
  version: number;
  ratings: SQL;
  drafted: SQL;
  /** the Front head co-signed (between drafting and signing) */
  frontSigned: SQL;
  signed: SQL | null;
  confirmed: SQL | null;
  code: SQL;
  openedReason: SQL;
  createdAt: SQL;
}

function versionSelect(ctx: ProvinceContext, v: VersionParts, where: SQL): SQL {
  const signedAt = v.signed ?? sql`null::timestamptz`;
  const confirmedAt = v.confirmed ?? sql`null::timestamptz`;
  const empty = sql`e.path = 'requested'`;
  return sql`select e.id, ${v.version}::int, ${v.ratings}, case when ${empty} then '{}'::jsonb else f.justifications end,
      case when not ${empty} and e.r_misc < 0.3 then ${pick(OTHER_COMMENTS, 'e.r_c1')} end,
      case when ${empty} then '[]'::jsonb else f.flags end, case when not ${empty} then f.evidence end,
      case when not ${empty} then ${vnDate(v.drafted)} end, case when not ${empty} then ${PARTICIPANTS}::text end,
      case when ${v.frontSigned} then a.front_head end,
      case when ${v.frontSigned} then coalesce(${v.drafted} + (${signedAt} - ${v.drafted}) / 2, least(${v.drafted} + interval '1 hour', ${ctx.now})) end,
      a.secretary_if, ${signedAt}, c.secretary_if, ${confirmedAt}, ${v.code}, ${v.openedReason}, ${v.createdAt},
      greatest(${v.createdAt}, coalesce(${confirmedAt}, ${signedAt}, ${v.drafted}))
    from nat_e e join nat_form f on f.id = e.id
    join nat_areas a0 on a0.cell_id = e.cell_id join nat_communes c0 on c0.id = e.commune_id
    cross join lateral (select a0.front_head, case when (${signedAt}) is not null then a0.secretary end as secretary_if) a
    cross join lateral (select case when (${confirmedAt}) is not null then c0.secretary end as secretary_if) c
    where ${where}`;
}

async function insertVersions(ctx: ProvinceContext): Promise<void> {
  const ifReached = (step: Parameters<typeof reached>[0], value: SQL) =>
    sql`case when ${reached(step)} then ${value} end`;
  const first = versionSelect(
    ctx,
    {
      version: 1,
      ratings: sql`case when e.path = 'requested' then '{}'::jsonb else f.ratings end`,
      drafted: sql`e.d1`,
      frontSigned: sql`(${reached('signed')} or (${reached('drafted')} and e.r_misc < 0.5))`,
      signed: ifReached('signed', sql`e.s1`),
      confirmed: ifReached('confirmed', sql`e.c1`),
      code: sql`case when ${reached('confirmed')} then case when e.path = 'revised' then ${code('replaced', ctx)} else ${code('current', ctx)} end end`,
      openedReason: sql`null::text`,
      createdAt: sql`e.t0`,
    },
    sql`true`,
  );
  const isRevised = sql`e.path = 'revised'`;
  const second = versionSelect(
    ctx,
    {
      version: 2,
      ratings: sql`f.ratings`,
      drafted: sql`case when ${isRevised} then e.d2 else e.d1 end`,
      frontSigned: isRevised,
      signed: sql`case when ${isRevised} then e.s2 end`,
      confirmed: sql`case when ${isRevised} then e.c2 end`,
      code: sql`case when ${isRevised} then ${code('current', ctx)} end`,
      openedReason: reopenReason,
      createdAt: sql`case when ${isRevised} then e.dclose else e.c1 end`,
    },
    reached('secondVersion'),
  );
  await run(
    ctx,
    sql`insert into evaluation_versions (evaluation_id, version, ratings, justifications, other_comments, flags, evidence, joint_meeting_on,
          joint_meeting_participants, front_signer_name, front_signed_at, signer_name, signed_at, confirmer_name, confirmed_at,
          verification_code, opened_reason, created_at, updated_at)
        ${first} union all ${second}`,
  );
}
