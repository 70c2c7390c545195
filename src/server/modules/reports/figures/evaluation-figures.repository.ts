import { sql, type SQL } from 'drizzle-orm';
import {
  deliveredStatuses,
  openDisputeStatus,
  residenceOpenStatuses,
  type EvaluationStatus,
} from '../../../../shared/rules/evaluation';
import { isNotValue, isValue, oneOf } from '../../../db/sql-values';
import type { DisputeOutcome } from '../../../../shared/rules/evaluation';
import { areaCell, type FigureSource } from './figure-source.repository';

/**
 * The yearly evaluation (Art. 3.4, 3.5, 4.4, 4.5). Rows are the yearly evaluations of the years kept (alias e)
 * with their member (m), current version (v), the workplace's classification (wcl) and two maps read from
 * the rule set the evaluation is bound to (criteria and levels are data): the tone of each level (tm) and
 * whether a classification level is positive (cm). Workplace side: the member's party cell; residence side:
 * the cell of residence (else the area's cell, else the commune).
 */

/** Statement prefix for every query over these sources: the rule sets' tones and positive levels as JSON maps. */
export const EVALUATION_MAPS = sql`report_tone_map as materialized (
    select rs.code, f.key as form_kind, jsonb_object_agg((c ->> 'key') || ':' || (l ->> 'key'), l ->> 'tone') as tones
    from rule_sets rs cross join lateral jsonb_each(rs.definition -> 'forms') f
      cross join lateral jsonb_array_elements(f.value -> 'criteria') c cross join lateral jsonb_array_elements(c -> 'levels') l
    group by rs.code, f.key),
  report_class_map as materialized (
    select rs.code, jsonb_object_agg(l ->> 'key', coalesce((l ->> 'positive')::boolean, false)) as positive
    from rule_sets rs cross join lateral jsonb_array_elements(rs.definition -> 'classification' -> 'levels') l
    group by rs.code)`;

const years = (ys: readonly number[]) => sql`${`{${ys.join(',')}}`}::int[]`;
const DELIVERED = oneOf(sql`e.status`, deliveredStatuses);
const status = (s: EvaluationStatus) => isValue(sql`e.status`, s);

const evaluationSides: FigureSource['sides'] = {
  workplace: { anchor: sql`m.cell_id`, touches: (units) => sql`m.cell_id = any(${units})` },
  residence: {
    anchor: sql`coalesce(e.cell_id, ${areaCell(sql`e.residence_area_id`)}, e.commune_id)`,
    touches: (units) => sql`(e.cell_id = any(${units}) or e.commune_id = any(${units})
      or e.residence_area_id = any(array(select tu.residential_area_id from org_units tu where tu.id = any(${units}))))`,
  },
};

/** The comment's overall tone: negative if any rating is a negative level, positive if all are positive. */
const TONE = sql`(select case when bool_or(z.tone = 'negative') then 'negative' when bool_and(z.tone = 'positive') then 'positive' else 'neutral' end
    from (select tm.tones ->> (r.key || ':' || r.value) as tone from jsonb_each_text(coalesce(v.ratings, '{}'::jsonb)) r) z)`;

function yearlyFrom(ys: readonly number[]): SQL {
  return sql`evaluations e join members m on m.id = e.member_id
    left join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version
    left join workplace_classifications wcl on wcl.member_id = e.member_id and wcl.year = e.year
    left join report_tone_map tm on tm.code = e.rule_set_code and tm.form_kind = e.form_kind::text
    left join report_class_map cm on cm.code = e.rule_set_code
    cross join lateral (select ${TONE} as tone) ot
    where e.kind = 'yearly' and ${isNotValue(sql`e.status`, 'cancelled' satisfies EvaluationStatus)}
      and e.year = any(${years(ys)})`;
}

export const evaluationsSource: FigureSource = {
  name: 'evaluations',
  drill: 'evaluations',
  sides: evaluationSides,
  with: EVALUATION_MAPS,
  from: (ctx) => yearlyFrom(ctx.years),
  year: sql`e.year`,
  figures: (ctx) => ({
    evTotal: sql`true`,
    evRequested: status('requested'),
    evDrafted: status('drafted'),
    evReturned: status('returned'),
    evSigned: status('signed'),
    evDelivered: status('delivered'),
    evReleased: status('released'),
    evDisputed: status('disputed'),
    evOverdue: sql`${oneOf(sql`e.status`, residenceOpenStatuses)} and e.due_date < ${ctx.today}::date`,
    evSelfReported: sql`exists (select 1 from self_reports s where s.member_id = e.member_id and s.year = e.year and s.submitted_at is not null)`,
    evFlagged: sql`coalesce(jsonb_array_length(v.flags), 0) > 0`,
    // sums: the list behind them is the forms that carry flags
    evFlagsRaised: {
      when: sql`coalesce(jsonb_array_length(v.flags), 0) > 0`,
      sum: sql`jsonb_array_length(v.flags)`,
    },
    evFlagsJustified: {
      when: sql`coalesce(jsonb_array_length(v.flags), 0) > 0`,
      sum: sql`(select count(*) from jsonb_array_elements(v.flags) f
        where length(btrim(coalesce(v.justifications ->> (f ->> 'criterion'), ''))) >= 10)`,
    },
    // "excellent at work, poor at home": a positive classification next to a negative residence comment
    evContradicts: sql`${DELIVERED} and coalesce((cm.positive ->> wcl.level)::boolean, false) and ot.tone = 'negative'`,
  }),
  breakdown: sql`case when ${DELIVERED} then
      array(select 'r:' || r.key || ':' || r.value from jsonb_each_text(coalesce(v.ratings, '{}'::jsonb)) r)
      || array['o:' || ot.tone]
      || case when wcl.level is not null then array['x:' || wcl.level || ':' || ot.tone] else '{}'::text[] end
    else '{}'::text[] end`,
};

export const onDemandSource: FigureSource = {
  name: 'on-demand',
  drill: 'evaluations',
  sides: evaluationSides,
  from: (ctx) => sql`evaluations e join members m on m.id = e.member_id
    where e.kind = 'on_demand' and ${isNotValue(sql`e.status`, 'cancelled' satisfies EvaluationStatus)}
      and e.year = any(${years(ctx.years)})`,
  year: sql`e.year`,
  figures: () => ({ evOnDemand: sql`true` }),
};

/** Art. 3.4: disputes of the year's comments and their outcome (aliases d, e, m). */
export const disputesSource: FigureSource = {
  name: 'disputes',
  drill: 'disputes',
  sides: evaluationSides,
  from: (
    ctx,
  ) => sql`evaluation_disputes d join evaluations e on e.id = d.evaluation_id join members m on m.id = e.member_id
    where e.year = any(${years(ctx.years)})`,
  year: sql`e.year`,
  figures: () => ({
    disputesOpened: sql`true`,
    disputesOpen: isValue(sql`d.status`, openDisputeStatus),
    disputesUpheld: isValue(sql`d.outcome`, 'upheld' satisfies DisputeOutcome),
    disputesRevised: isValue(sql`d.outcome`, 'revised' satisfies DisputeOutcome),
  }),
};
