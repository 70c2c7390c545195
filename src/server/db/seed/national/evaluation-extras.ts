import { sql } from 'drizzle-orm';
import {
  closedDisputeStatus,
  openDisputeStatus,
  type DisputeOutcome,
} from '../../../../shared/rules/evaluation';
import { literal } from '../../sql-values';
import { days, run, vnAt, vnDate, type ProvinceContext } from './context';
import { classificationLevel } from './evaluation-forms';
import { reached } from './evaluation-plan';
import { pick } from '../sql-picks';
import { DISPUTE_REASONS, REVISE_NOTES, SELF_REPORT_DUTIES } from './vocab';

/**
 * Around the forms: the members' self-reports (Art. 2.7), the disputes and their dialogue (Art. 3.4), and the
 * workplace's own yearly classification (Reg. 366), shown next to the residence comment.
 */
export async function seedEvaluationExtras(ctx: ProvinceContext): Promise<void> {
  // Submitted by those the plan says reported; a few of this year's still being written (not submitted).
  await run(
    ctx,
    sql`insert into self_reports (member_id, year, duties, submitted_at, updated_at)
        select member_id, year, ${JSON.stringify(SELF_REPORT_DUTIES)}::jsonb - case when r_self < 0.5 then '4' else '1' end,
          case when self_reported then t0 + (d1 - t0) * 0.6 end, case when self_reported then t0 + (d1 - t0) * 0.6 else least(t0 + interval '2 days', ${ctx.now}) end
        from nat_e where kind = 'yearly' and (self_reported or (path = 'requested' and r_self < 0.4))`,
  );
  const upheld = sql`e.path = 'upheld'`;
  const outcome = (value: DisputeOutcome) => literal(value);
  await run(
    ctx,
    sql`insert into evaluation_disputes (evaluation_id, version, reason, opened_at, status, dialogue_on, dialogue_participants, dialogue_notes,
          outcome, closed_at)
        select e.id, 1, ${pick(DISPUTE_REASONS, 'e.r_misc')}, e.dopen,
          (case when e.path = 'disputed' then ${literal(openDisputeStatus)} else ${literal(closedDisputeStatus)} end)::dispute_status,
          case when e.path <> 'disputed' then ${vnDate(sql`e.dclose`)} end,
          case when e.path <> 'disputed' then 'Đại diện đảng ủy nơi công tác, đảng ủy xã/phường và chi ủy chi bộ nơi cư trú' end,
          case when ${upheld} then 'Hai bên thống nhất giữ nguyên nhận xét.' when e.path = 'revised' then ${REVISE_NOTES}::text end,
          case when ${upheld} then ${outcome('upheld')} when e.path = 'revised' then ${outcome('revised')} end,
          case when e.path <> 'disputed' then e.dclose end
        from nat_e e where ${reached('disputed')}`,
  );
  // Excellent ~15 %, good ~70 %, completed ~13 %, not completed ~2 %; past years for everyone, part of this year.
  const score = sql`round((case when r < 0.15 then 90 + 10 * r2 when r < 0.85 then 70 + 19.99 * r2
    when r < 0.98 then 50 + 19.99 * r2 else 30 + 19.99 * r2 end)::numeric, 2)`;
  await run(
    ctx,
    sql`insert into workplace_classifications (member_id, year, score, level, note, updated_at)
        select member_id, y, score, ${classificationLevel(sql`score`)}, null,
          case when y < ${ctx.year}::int then ${vnAt(sql`make_date(y, 12, 20)`, '09:00')} else ${ctx.now} - ${days('r2 * 10')} end
        from (
          select member_id, y, ${score} as score, r2 from (
            select w.id as member_id, y, random() as r, random() as r2
            from nat_w w cross join unnest(${`{${ctx.years.join(',')}}`}::int[]) y
            where y < ${ctx.year}::int or w.r_t1 < 0.4) x) s`,
  );
}
