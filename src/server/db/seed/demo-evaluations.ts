import { sql } from 'drizzle-orm';
import {
  evaluationTransition,
  requestedStatus,
  type EvaluationAction,
} from '../../../shared/rules/evaluation';
import { shiftDay, vnDay, vnYear } from '../../../shared/rules/vietnam-calendar';
import type { Executor } from '../client';
import { isNotValue, isValue, literal, oneOf } from '../sql-values';
import { vnDateOf } from '../vietnam-calendar-sql';
import { activeMemberStatus } from './seed-statuses';
import { signForms } from '../../modules/verification/verification.service';

const SIGNED =
  '{"example":"yes","civic":"yes","attendance":"partial","contact":"regular","campaigns":"active","proposal":"none"}';
const GOOD =
  '{"example":"good","civic":"leading","attendance":"partial","contact":"regular","campaigns":"active","proposal":"none"}';
const REQUESTED = isValue(sql`e.status`, requestedStatus);
const WRITTEN = isNotValue(sql`e.status`, requestedStatus);
// the forms the commune confirmed, some of them since released to the member: signed for /verify
const CONFIRMED = [evaluationTransition('confirm').to, evaluationTransition('release').to];
/** The status a form reaches by `action`. */
const reached = (action: EvaluationAction) => literal(evaluationTransition(action).to);

/**
 * The year's evaluation cycle for the demo, so the residence side has forms at every stage: every workplace
 * committee except the power company (left unopened: the demo's workplace officer opens it, and the browser
 * test walks that) has asked for its working members' comments; deterministic per card number, some are
 * still requested, some self-reported, drafted, signed, confirmed (delivered) or released.
 */
export async function seedDemoEvaluations(tx: Executor, now: Date, documentSecret?: string): Promise<void> {
  const at = now.toISOString();
  // the year and the due date on Vietnam's calendar, as every date rule counts them
  const year = vnYear(now);
  const due = shiftDay(vnDay(now), 30);
  const committee = sql`(select a.id from org_units a where a.path @> c.path and a.type = 'workplace_committee' order by a.depth desc limit 1)`;
  await tx.execute(sql`insert into evaluation_cycles (workplace_unit_id, year, rule_set_code, due_date, opened_at)
    select u.id, ${year}, 'reg-213-2020', ${due}::date, ${at}::timestamptz - interval '10 days'
    from org_units u where u.type = 'workplace_committee' and u.code <> 'NA-PCNA'
    on conflict do nothing`);
  const bucket = sql`(abs(hashtext(m.card_number || 'ev')) % 10)`;
  // 0–2 requested, 3 self-reported, 4 drafted, 5 signed, 6–7 delivered, 8–9 released; only members placed in a cell
  await tx.execute(sql`insert into evaluations (cycle_id, member_id, year, kind, rule_set_code, form_kind, workplace_unit_id, commune_id,
      cell_id, residence_area_id, due_date, status, requested_at, drafted_at, signed_at, confirmed_at, delivered_at, released_at, proposal, updated_at)
    select cy.id, m.id, ${year}, 'yearly', 'reg-213-2020', 'full', cy.workplace_unit_id, m.residence_commune_id, m.residence_cell_id,
      m.residence_area_id, cy.due_date,
      (case when b.k <= 3 then ${literal(requestedStatus)} when b.k = 4 then ${reached('draft')} when b.k = 5 then ${reached('sign')}
        when b.k <= 7 then ${reached('confirm')} else ${reached('release')} end)::evaluation_status,
      cy.opened_at,
      case when b.k >= 4 then ${at}::timestamptz - interval '5 days' end,
      case when b.k >= 5 then ${at}::timestamptz - interval '4 days' end,
      case when b.k >= 6 then ${at}::timestamptz - interval '2 days' end,
      case when b.k >= 6 then ${at}::timestamptz - interval '2 days' end,
      case when b.k >= 8 then ${at}::timestamptz - interval '1 day' end,
      case when b.k >= 5 then 'none' end, ${at}::timestamptz
    from members m join org_units c on c.id = m.cell_id
    join evaluation_cycles cy on cy.workplace_unit_id = ${committee} and cy.year = ${year}
    cross join lateral (select ${bucket} as k) b
    where ${isValue(sql`m.status`, activeMemberStatus)} and m.category = 'active' and m.residence_cell_id is not null and c.type = 'workplace_cell'`);
  await tx.execute(sql`insert into evaluation_versions (evaluation_id, version, ratings, joint_meeting_on, joint_meeting_participants,
      signer_name, signed_at, front_signer_name, front_signed_at, confirmer_name, confirmed_at, created_at, updated_at)
    select e.id, 1,
      case when ${REQUESTED} then '{}'::jsonb when abs(hashtext(m.card_number)) % 3 = 0 then ${GOOD}::jsonb else ${SIGNED}::jsonb end,
      case when ${WRITTEN} then ${vnDateOf(sql`e.drafted_at`)} end,
      case when ${WRITTEN} then 'Chi ủy chi bộ, Ban công tác Mặt trận khu dân cư' end,
      case when e.signed_at is not null then 'Bí thư chi bộ' end, e.signed_at,
      case when e.signed_at is not null then a.front_head_name end, e.signed_at - interval '1 hour',
      case when e.confirmed_at is not null then 'Đảng ủy phường' end, e.confirmed_at,
      e.requested_at, ${at}::timestamptz
    from evaluations e join members m on m.id = e.member_id
    left join org_units cl on cl.id = e.cell_id left join residential_areas a on a.id = cl.residential_area_id
    where e.year = ${year}`);
  // members of buckets 3+ wrote their self-report
  await tx.execute(sql`insert into self_reports (member_id, year, duties, submitted_at, updated_at)
    select e.member_id, e.year, jsonb_build_object('3', 'Dự các buổi sinh hoạt chi bộ khu dân cư trong năm.', '6', 'Tham gia vệ sinh môi trường, đóng góp quỹ khuyến học của khối.'),
      e.requested_at + interval '3 days', e.requested_at + interval '3 days'
    from evaluations e join members m on m.id = e.member_id where e.year = ${year} and (${WRITTEN} or ${bucket} = 3)
    on conflict do nothing`);
  if (documentSecret)
    await signForms(tx, documentSecret, sql`e.year = ${year} and ${oneOf(sql`e.status`, CONFIRMED)}`);
}
