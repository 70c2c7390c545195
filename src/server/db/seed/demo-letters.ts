import { sql } from 'drizzle-orm';
import { transitionFor } from '../../../shared/rules/introduction-letter';
import type { Executor } from '../client';
import { signLetters } from '../../modules/verification/verification.service';
import { isValue, literal } from '../sql-values';
import { vnYearOf } from '../vietnam-calendar-sql';
import { activeMemberStatus } from './seed-statuses';

const SIGNERS = ['Nguyễn Đình Hùng', 'Trần Văn Minh', 'Lê Thị Thu Hà', 'Phan Văn Thắng', 'Hồ Sỹ Tuấn'];

/**
 * Introduction letters for the demo, so every queue has something in it: members already placed in a
 * cell have an acknowledged letter from months ago; of the others, some letters wait for the commune
 * (a few overdue), some are received but not placed, one in ten was rejected, the rest are not introduced.
 * Deterministic per card number (hashtext), so the demo looks the same on every machine. A letter's year is
 * the year of its issue day in Vietnam, as the paper and /verify print it (numbers run per committee and year).
 */
export async function seedDemoLetters(tx: Executor, now: Date, documentSecret?: string): Promise<void> {
  const at = now.toISOString();
  const committee = sql`(select a.id from org_units a where a.path @> c.path and a.id <> c.id
    and a.type not in ('residential_cell', 'workplace_cell') order by a.depth desc limit 1)`;
  const signer = sql`coalesce(
    (select u.display_name from role_grants rg join users u on u.id = rg.user_id
      where rg.unit_id = ${committee} and rg.role = 'committee_officer' and rg.position = 'secretary' limit 1),
    (${sql.raw(`array['${SIGNERS.join("','")}']`)})[1 + abs(hashtext(${committee}::text)) % ${SIGNERS.length}])`;
  const working = sql`${isValue(sql`m.status`, activeMemberStatus)} and c.type = 'workplace_cell' and m.category <> 'not_introduced' and m.residence_commune_id is not null`;
  const bucket = sql`(abs(hashtext(m.card_number)) % 10)`;

  // Placed members: acknowledged letters issued 3 to 13 months ago.
  await tx.execute(sql`
    insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_cell_id, residence_area_id,
      residence_street, exempt, status, year, issued_at, received_at, placed_at, acknowledged_at, signer_name, signer_position,
      created_at, updated_at)
    select m.id, ${committee}, m.residence_commune_id, m.residence_cell_id, m.residence_area_id, m.residence_street,
      case when m.category = 'exempt' then m.category_reason end, ${literal(transitionFor('acknowledge').to)},
      ${vnYearOf(sql`d.issued`)}, d.issued, d.issued + interval '4 days', d.issued + interval '6 days', d.issued + interval '11 days',
      ${signer}, 'secretary', d.issued - interval '2 days', d.issued + interval '11 days'
    from members m join org_units c on c.id = m.cell_id
    cross join lateral (select ${at}::timestamptz - (90 + abs(hashtext(m.card_number || 'd')) % 300) * interval '1 day' as issued) d
    where ${working} and m.residence_cell_id is not null`);

  // Not yet placed: issued (0–2, bucket 2 overdue), received (3–4), rejected (5), none (6–9).
  await tx.execute(sql`
    insert into introduction_letters (member_id, issuing_unit_id, receiving_commune_id, residence_area_id, residence_street, exempt,
      status, year, issued_at, received_at, rejected_at, reject_reason, reject_note, signer_name, signer_position, created_at, updated_at)
    select m.id, ${committee}, m.residence_commune_id, m.residence_area_id, m.residence_street,
      case when m.category = 'exempt' then m.category_reason end,
      (case when ${bucket} <= 2 then ${literal(transitionFor('issue').to)} when ${bucket} <= 4 then ${literal(transitionFor('receive').to)}
        else ${literal(transitionFor('reject').to)} end)::letter_status,
      ${vnYearOf(sql`d.issued`)}, d.issued,
      case when ${bucket} between 3 and 4 then d.issued + interval '3 days' end,
      case when ${bucket} = 5 then d.issued + interval '5 days' end,
      case when ${bucket} = 5 then 'wrong_address'::letter_reject_reason end,
      case when ${bucket} = 5 then 'Không có số nhà này trên địa bàn khối' end,
      ${signer}, 'secretary', d.issued - interval '1 day', d.issued
    from members m join org_units c on c.id = m.cell_id
    cross join lateral (select ${at}::timestamptz - (case when ${bucket} = 2 then 20 else 1 + ${bucket} * 3 end) * interval '1 day' as issued) d
    where ${working} and m.residence_cell_id is null and ${bucket} <= 5
      -- The demo story: the power company's members living in Thành Vinh wait to be introduced, so
      -- workplace.officer and commune.officer can walk the whole hand-off with the demo accounts.
      and not (${committee} = (select id from org_units where code = 'NA-PCNA')
        and m.residence_commune_id = (select id from org_units where code = 'NA-TVINH'))`);

  // Numbers per committee per year in issue order, the counters after them, and the printed codes.
  await tx.execute(sql`
    update introduction_letters l set number = n.rn
    from (select id, row_number() over (partition by issuing_unit_id, year order by issued_at, id) as rn from introduction_letters) n
    where n.id = l.id`);
  await tx.execute(sql`
    insert into letter_counters (unit_id, year, kind, last_number)
    select issuing_unit_id, year, 'GGT', max(number) from introduction_letters group by 1, 2`);
  if (documentSecret) await signLetters(tx, documentSecret, sql`l.number is not null`);
  await tx.execute(
    sql`update members m set current_letter_id = l.id from introduction_letters l where l.member_id = m.id`,
  );
}
