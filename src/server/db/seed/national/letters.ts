import { sql, type SQL } from 'drizzle-orm';
import {
  newLetterStatus,
  placedLetterStatuses,
  transitionFor,
} from '../../../../shared/rules/introduction-letter';
import { requestTransition } from '../../../../shared/rules/introduction-request';
import { isNotValue, isValue, literal, oneOf } from '../../sql-values';
import { vnYearOf } from '../../vietnam-calendar-sql';
import { pick } from '../sql-picks';
import {
  countOf,
  days,
  randomName,
  phoneNumber,
  run,
  tempTable,
  uniqueCode,
  vnDate,
  type ProvinceContext,
} from './context';
import { exemptReason, street } from './members';
import { END_REASONS, REJECT_NOTES, REQUEST_NOTES } from './vocab';

// The planned letter of a working member (nat_w.letter_status): a draft, not sent yet, or rejected by the commune.
const DRAFT = isValue(sql`w.letter_status`, newLetterStatus);
const NOT_DRAFT = isNotValue(sql`w.letter_status`, newLetterStatus);
const REJECTED = isValue(sql`w.letter_status`, transitionFor('reject').to);

/**
 * Introduction letters (Art. 3.1 → 4.1 → 4.2): each introduced working member's current letter (its id is
 * already members.current_letter_id), plus history for a few %: the letter of a previous residence, ended by a
 * move, and letters rejected by the wrong commune and superseded by the corrected one. Numbers run per issuing
 * committee per year (Vietnam's year), in issue order; codes are unique by construction.
 */
const LETTER_DOMAIN = 1;

export async function seedLetters(ctx: ProvinceContext): Promise<void> {
  const { plan } = ctx;
  await run(ctx, sql`alter table nat_w add column prev_letter_id uuid, add column old_commune_rn int`);
  await run(
    ctx,
    sql`update nat_w set prev_letter_id = gen_random_uuid(),
          old_commune_rn = case when ${plan.communes}::int = 1 then commune_rn
            else 1 + (commune_rn + floor(r_other * ${plan.communes - 1})::int) % ${plan.communes}::int end
        where history is not null`,
  );
  await tempTable(ctx, 'nat_l', sql`${currentLetters(ctx)} union all ${previousLetters(ctx)}`);
  await run(
    ctx,
    sql`insert into introduction_letters (id, member_id, issuing_unit_id, receiving_commune_id, residence_cell_id, status, previous_letter_id,
          year, number, verification_code, residence_area_id, residence_street, exempt, signer_name, signer_position, issued_at, received_at,
          placed_at, acknowledged_at, rejected_at, reject_reason, reject_note, ended_at, end_reason, reminder_sent_at, created_at, updated_at)
        select l.id, l.member_id, l.issuing_unit_id, l.receiving_commune_id, l.residence_cell_id, l.status, l.previous_letter_id,
          n.year, n.number, case when n.ord is not null then ${uniqueCode(LETTER_DOMAIN, plan.spec.index, sql`n.ord`)} end,
          l.residence_area_id, l.residence_street, l.exempt,
          case when l.issued_at is not null then wp.secretary end, case when l.issued_at is not null then 'secretary' end,
          l.issued_at, l.received_at, l.placed_at, l.acknowledged_at, l.rejected_at, l.reject_reason, l.reject_note, l.ended_at, l.end_reason,
          l.reminder_sent_at, l.created_at,
          greatest(l.created_at, l.issued_at, l.received_at, l.placed_at, l.acknowledged_at, l.rejected_at, l.ended_at)
        from nat_l l join nat_wp wp on wp.id = l.issuing_unit_id
        left join (
          select id, ${vnYearOf(sql`issued_at`)} as year,
            (row_number() over (partition by issuing_unit_id, ${vnYearOf(sql`issued_at`)} order by issued_at, id))::int as number,
            row_number() over (order by id) as ord
          from nat_l where issued_at is not null) n on n.id = l.id`,
  );
  // The counters the app numbers new letters from continue after the generated ones.
  await run(
    ctx,
    sql`insert into letter_counters (unit_id, year, kind, last_number)
        select issuing_unit_id, year, 'GGT', max(number) from introduction_letters
        where id in (select id from nat_l) and number is not null group by 1, 2
        on conflict (unit_id, year, kind) do update set last_number = greatest(letter_counters.last_number, excluded.last_number)`,
  );
  await seedMoves(ctx);
  await seedRequests(ctx);
  ctx.progress(`letters: ${(await countOf(ctx, sql`nat_l`)).toLocaleString('en')}`);
}

function currentLetters(ctx: ProvinceContext): SQL {
  return sql`select w.letter_id as id, w.id as member_id, w.wp_id as issuing_unit_id, w.commune_id as receiving_commune_id,
      case when ${oneOf(sql`w.letter_status`, placedLetterStatuses)} then w.area_cell_id end as residence_cell_id,
      w.letter_status as status, w.prev_letter_id as previous_letter_id, w.area_id as residence_area_id, ${street} as residence_street,
      case when w.category = 'exempt' then ${exemptReason} end as exempt,
      w.issued_at, w.received_at, w.placed_at, w.ack_at as acknowledged_at, w.rejected_at,
      case when ${REJECTED} then (case when r_t3 < 0.6 then 'wrong_address' when r_t3 < 0.9 then 'not_our_area' else 'other' end)::letter_reject_reason end as reject_reason,
      case when ${REJECTED} then ${pick(REJECT_NOTES, 'r_t1')} end as reject_note,
      null::timestamptz as ended_at, null::text as end_reason,
      -- the hourly job reminded the commune of most overdue letters (Art. 4.1, INTRODUCTION_OVERDUE_DAYS)
      case when ${isValue(sql`w.letter_status`, transitionFor('issue').to)} and w.issued_at < ${ctx.now} - interval '16 days' and r_t3 < 0.7
        then w.issued_at + interval '16 days' end as reminder_sent_at,
      w.created_at
    from nat_w w where w.letter_status is not null`;
}

/** A moved member's letter to the previous residence (ended) or a letter the wrong commune rejected (superseded). */
function previousLetters(ctx: ProvinceContext): SQL {
  const ended = sql`w.history = 'ended'`;
  const issued = sql`w.created_at - case when ${ended} then ${days('200 + 600 * r_t3')} else ${days('12 + 30 * r_t3')} end`;
  return sql`select w.prev_letter_id, w.id, w.wp_id, c.id, case when ${ended} then a.cell_id end,
      (case when ${ended} then ${literal(transitionFor('end').to)} else ${literal(transitionFor('resend').to)} end)::letter_status, null::uuid,
      case when ${ended} then a.id end, case when ${ended} then 'Số ' || (1 + floor(r_other * 150)::int) || ', ' || a.name end, null::text,
      x.issued, x.issued + interval '2 days', case when ${ended} then x.issued + interval '5 days' end,
      case when ${ended} then x.issued + interval '9 days' end,
      case when not ${ended} then x.issued + ${days('3 + 5 * r_t2')} end,
      case when not ${ended} then (case when ${ctx.plan.communes}::int > 1 then 'not_our_area' else 'wrong_address' end)::letter_reject_reason end,
      case when not ${ended} then ${pick(REJECT_NOTES, 'r_t1')} end,
      case when ${ended} then w.created_at - ${days('3 + 10 * r_t2')} end, case when ${ended} then ${pick(END_REASONS, 'r_t1')} end,
      null::timestamptz, x.issued - interval '1 day'
    from nat_w w cross join lateral (select ${issued} as issued) x
    join nat_communes c on c.rn = w.old_commune_rn
    join nat_areas a on a.commune_rn = c.rn and a.k = 1 + floor(w.r_hist / 0.03 * c.areas)::int % c.areas
    where w.history is not null`;
}

/** Art. 2.7: the moves behind the ended letters, with both places and the closed residence-cell membership. */
async function seedMoves(ctx: ProvinceContext): Promise<void> {
  const moved = sql`from nat_l l join nat_w w on w.prev_letter_id = l.id where ${isValue(sql`l.status`, transitionFor('end').to)}`;
  await run(
    ctx,
    sql`insert into residence_moves (member_id, moved_on, from_commune_id, from_cell_id, from_area_id, from_street, to_commune_id,
          to_area_id, to_street, created_at)
        select l.member_id, ${vnDate(sql`l.ended_at`)}, l.receiving_commune_id, l.residence_cell_id, l.residence_area_id, l.residence_street,
          w.commune_id, w.area_id, ${street}, l.ended_at ${moved}`,
  );
  await run(
    ctx,
    sql`insert into unit_memberships (member_id, unit_id, kind, valid_from, valid_to, note)
        select l.member_id, l.residence_cell_id, 'residence_cell', ${vnDate(sql`l.placed_at`)}, ${vnDate(sql`l.ended_at`)}, 'Chuyển nơi cư trú'
        ${moved}`,
  );
}

/** "Known here, no letter" (open), requests the workplace answered with a letter (fulfilled), and people not in the register. */
async function seedRequests(ctx: ProvinceContext): Promise<void> {
  await run(
    ctx,
    sql`insert into introduction_requests (commune_id, workplace_unit_id, member_id, full_name, date_of_birth, card_number, phone,
          residence_area_id, residence_street, note, status, letter_id, created_at, closed_at)
        select w.commune_id, w.wp_id, w.id, w.full_name, w.dob, w.card, w.phone, w.area_id, ${street}, ${pick(REQUEST_NOTES, 'r_t2')},
          (case when ${DRAFT} then ${literal(requestTransition('ask').to)} else ${literal(requestTransition('fulfil').to)} end)::introduction_request_status,
          case when ${NOT_DRAFT} then w.letter_id end,
          coalesce(w.created_at, ${ctx.now}) - interval '2 days', case when ${NOT_DRAFT} then w.issued_at end
        from nat_w w
        where (${DRAFT} and w.r_t3 < 0.5) or (${isValue(sql`w.letter_status`, transitionFor('acknowledge').to)} and w.r_t3 < 0.02)`,
  );
  await run(
    ctx,
    sql`insert into introduction_requests (commune_id, workplace_unit_id, full_name, date_of_birth, phone, residence_area_id, residence_street,
          note, status, created_at)
        select c.id, (select wp.id from nat_wp wp where wp.rn = 1 + (c.rn * 7 + g) % ${ctx.plan.workplaces}::int), ${randomName()},
          date '1970-01-01' + (c.rn * 997 + g * 131) % 9000, ${phoneNumber('random()')},
          (select a.id from nat_areas a where a.commune_rn = c.rn and a.k = 1), null, ${REQUEST_NOTES[1]!}, ${literal(requestTransition('ask').to)},
          ${ctx.now} - ${days(sql`(c.rn + g) % 40`)}
        from nat_communes c cross join generate_series(1, 2) g where (c.rn + g) % 3 <> 0`,
  );
}
