import { sql, type SQL } from 'drizzle-orm';
import type {
  Criterion,
  EvidenceMetric,
  FormKind,
  RuleSetDefinition,
  Tone,
} from '../../../../shared/rules/evaluation-rules';
import { builtInRuleSets } from '../../reference-data';
import { JUSTIFICATION } from './vocab';

/**
 * The form's content as SQL, read from the rule set (reg-213-2020) rather than written out here: the criteria
 * and their levels, the evidence figures, the consistency flags and the workplace's classification levels.
 * Ratings follow the record (attendance from the meetings), mostly positive or neutral, a few negative, and a
 * few lenient ones that contradict the record and so raise a flag with a written justification.
 */
export const RULE_SET = builtInRuleSets.find((r) => r.code === 'reg-213-2020')!;
/** how many random columns (r_c1 …) a plan row needs: one per criterion of the longest form */
export const CRITERIA_RANDOMS = Math.max(
  RULE_SET.forms.full.criteria.length,
  RULE_SET.forms.exempt.criteria.length,
);

const lit = (s: string) => sql.raw(`'${s.replace(/'/g, "''")}'`);

/** The evidence columns of nat_ev (held, expected, attended, unexcused, contributions, work_days, open_warnings, this_year, self_reported). */
export const EVIDENCE: Record<EvidenceMetric, SQL> = {
  meetingsHeld: sql`held`,
  meetingsAttended: sql`attended`,
  attendanceRate: sql`case when expected = 0 then 100 else round(attended * 100.0 / expected)::int end`,
  unexcusedAbsences: sql`unexcused`,
  confirmedContributions: sql`contributions`,
  contributionDays: sql`work_days::float8`,
  openWarnings: sql`open_warnings`,
  warningsThisYear: sql`this_year`,
  selfReported: sql`case when self_reported then 1 else 0 end`,
};

export function evidenceJson(): SQL {
  const pairs = Object.entries(EVIDENCE).map(([k, v]) => sql`${lit(k)}, ${v}`);
  return sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`;
}

function levelOf(c: Criterion, tone: Tone): SQL {
  return lit((c.levels.find((l) => l.tone === tone) ?? c.levels[0]!).key);
}

/** A criterion's level: by the record for attendance, by random draw `r` otherwise (shares by tone). */
function ratingOf(c: Criterion, r: SQL): SQL {
  const [pos, neu, neg] = (['positive', 'neutral', 'negative'] as const).map((t) => levelOf(c, t));
  if (c.evidence.includes('attendanceRate'))
    return sql`case when ${r} < 0.04 then ${pos}
      when held > 0 and unexcused = 0 and attended >= expected then ${pos}
      when attended > 0 or expected = 0 then ${neu} else ${neg} end`;
  if (c.proposal) return sql`case when ${r} < 0.07 then ${pos} when ${r} > 0.995 then ${neg} else ${neu} end`;
  const positive = c.evidence.includes('confirmedContributions')
    ? sql`case when contributions > 0 then 0.5 else 0.08 end`
    : sql`0.35`;
  return sql`case when ${r} < ${positive} then ${pos} when ${r} > 0.97 then ${neg} else ${neu} end`;
}

/** jsonb {criterionKey: levelKey} of a form, over nat_ev columns and the plan's random columns r_c1 …. */
export function ratingsJson(form: FormKind): SQL {
  const pairs = RULE_SET.forms[form].criteria.map(
    (c, i) => sql`${lit(c.key)}, ${ratingOf(c, sql.raw(`r_c${i + 1}`))}`,
  );
  return sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`;
}

const OPS: Record<RuleSetDefinition['flags'][number]['op'], string> = {
  '>': '>',
  '>=': '>=',
  '<': '<',
  '<=': '<=',
  '=': '=',
};

/** Flags of the rule set raised by `ratings` against `evidence` (as raisedFlags() does), as a jsonb array. */
export function flagsJson(form: FormKind, ratings: SQL, evidence: SQL): SQL {
  const keys = new Set(RULE_SET.forms[form].criteria.map((c) => c.key));
  const flags = RULE_SET.flags.filter((f) => keys.has(f.criterion));
  if (flags.length === 0) return sql`'[]'::jsonb`;
  const each = flags.map((f) => {
    const actual = sql`(${evidence} ->> ${lit(f.metric)})::numeric`;
    return sql`case when ${ratings} ->> ${lit(f.criterion)} in (${sql.join(f.levels.map(lit), sql`, `)})
        and ${actual} ${sql.raw(OPS[f.op])} ${sql.raw(String(f.value))}
      then jsonb_build_object('code', ${lit(f.code)}, 'criterion', ${lit(f.criterion)}, 'metric', ${lit(f.metric)}, 'actual', ${actual}) end`;
  });
  return sql`coalesce(to_jsonb(array_remove(array[${sql.join(each, sql`, `)}]::jsonb[], null)), '[]'::jsonb)`;
}

/** A written justification on every flagged criterion (needed before signing). */
export function justificationsJson(flags: SQL): SQL {
  return sql`case when ${flags} = '[]'::jsonb then '{}'::jsonb else
    (select jsonb_object_agg(f ->> 'criterion', ${lit(JUSTIFICATION)}) from jsonb_array_elements(${flags}) f) end`;
}

/** The proposal criterion's key of a form (its level travels to the workplace). */
export function proposalKey(form: FormKind): string | null {
  return RULE_SET.forms[form].criteria.find((c) => c.proposal)?.key ?? null;
}

/** Reg. 366 level key of a score column: the highest level whose minimum it reaches. */
export function classificationLevel(score: SQL): SQL {
  const levels = [...RULE_SET.classification.levels].sort((a, b) => b.min - a.min);
  const whens = levels.map((l) => sql`when ${score} >= ${sql.raw(String(l.min))} then ${lit(l.key)}`);
  return sql`case ${sql.join(whens, sql` `)} else ${lit(levels.at(-1)!.key)} end`;
}

/** Purpose keys of on-demand requests. */
export const PURPOSES = RULE_SET.onDemandPurposes.map((p) => p.key);
