import { sql, type SQL } from 'drizzle-orm';
import type { MemberStatus } from '../../../../shared/contracts/members';
import { placedLetterStatuses } from '../../../../shared/rules/introduction-letter';
import { isNotValue, literal, oneOf } from '../../sql-values';
import { vnDateOf } from '../../vietnam-calendar-sql';
import { activeMemberStatus } from '../seed-statuses';
import { pick, textArray } from '../sql-picks';
import { countOf, days, personName, phoneNumber, run, tempTable, type ProvinceContext } from './context';
import { LETTER_SHARES, letterDates } from './letter-plan';
import {
  AWAY_COMMUNES,
  EXEMPT_REASONS,
  JOB_TITLES,
  LOCAL_JOBS,
  NOT_INTRODUCED_REASONS,
  STREET_NAMES,
} from './vocab';

/**
 * Members of one province, planned in temp tables first (nat_w: working members, nat_o: the others) so the
 * letters, meetings and evaluations stages reuse the same ids, residences and hand-off stage, then inserted
 * in chunks. Working members keep Party life in a workplace cell and live in a residential area picked by
 * the area's weight; the others' party cell is their residential cell (retired, local).
 */
const CHUNK = 100_000;

/** The random draws every person needs (names, dates, contact details). */
const PERSON_RANDOMS =
  sql.raw(`random() < 0.45 as female, random() as r_fam, random() as r_mid, random() as r_giv,
  random() as r_adm, random() as r_contact, random() as r_phone, random() as r_street, random() as r_away`);

/** Slots proportional to a weight column: a uniform pick of a slot is a weighted pick of its row. */
async function weightedSlots(
  ctx: ProvinceContext,
  name: string,
  source: string,
  perUnit: number,
): Promise<number> {
  await tempTable(
    ctx,
    name,
    sql`select (row_number() over ())::int as rn, t.id from ${sql.raw(source)} t
        cross join lateral generate_series(1, greatest(1, round(t.weight * ${perUnit}))::int) s`,
  );
  return countOf(ctx, sql.raw(name));
}

/** Columns shared by both plans; `seq` numbers people within the province (card, citizen ID). */
function personColumns(ctx: ProvinceContext): SQL {
  const { plan } = ctx;
  const card = sql`'7' || lpad(${String(plan.spec.index)}, 2, '0') || lpad(seq::text, 7, '0')`;
  // CCCD: province code, century/sex digit, two digits of the birth year, six digits unique per seq
  const citizen = sql`${plan.spec.idCode}::text || (case when extract(year from dob) >= 2000 then 2 else 0 end + case when female then 1 else 0 end)
    || to_char(dob, 'YY') || lpad(((seq::bigint * 7919 + 12345) % 1000000)::text, 6, '0')`;
  return sql`seq, gen_random_uuid() as id, female, ${personName({ female: 'female', fam: 'r_fam', mid: 'r_mid', giv: 'r_giv' })} as full_name,
    dob, least((dob + make_interval(years => 18 + floor(r_adm * 22)::int, days => floor(r_adm * 997)::int % 300))::date,
      ${ctx.today}::date - 500) as admitted,
    ${card} as card,
    case when r_contact < 0.95 then ${citizen} end as citizen_candidate,
    case when r_contact < 0.9 then ${phoneNumber('r_phone')} end as phone,
    case when r_contact < 0.25 then 'dv.' || ${card} || '@example.vn' end as email,
    r_street, r_away, r_phone, r_adm`;
}

export async function seedMembers(ctx: ProvinceContext): Promise<void> {
  const { plan } = ctx;
  const areaSlots = await weightedSlots(ctx, 'nat_area_slots', 'nat_areas', 20);
  const cellSlots = await weightedSlots(ctx, 'nat_wcell_slots', 'nat_wcells', 10);
  const [issued, placedAt] = letterDates(ctx);
  await tempTable(
    ctx,
    'nat_w',
    sql`with s as materialized (
          select g as seq, ${PERSON_RANDOMS}, date '1966-01-01' + floor(random() * 13500)::int as dob,
            random() as r_area, random() as r_cell, random() as r_cat, random() as r_let, random() as r_t1, random() as r_t2,
            random() as r_t3, random() as r_hist, random() as habit, random() as r_other
          from generate_series(1, ${plan.working}::int) g),
        p as (select ${personColumns(ctx)}, r_area, r_cell, r_cat, r_let, r_t1, r_t2, r_t3, r_hist, habit, r_other from s)
        select p.*, gen_random_uuid() as letter_id, a.id as area_id, a.commune_id, a.commune_rn, a.cell_id as area_cell_id,
          a.ward, a.commune_base, a.name as area_name, wc.id as cell_id, wc.wp_id, wc.kind as wp_kind,
          (case when r_cat < 0.03 then 'exempt' when r_cat < 0.045 then 'not_introduced' else 'active' end)::residence_category as category,
          case when r_cat < 0.03 or r_cat >= 0.045 then ${letterStatusCase()} end as letter_status,
          case when (r_cat < 0.03 or r_cat >= 0.045) and r_hist < 0.045 then case when r_hist < 0.03 then 'ended' else 'superseded' end end as history
        from p
        join nat_area_slots sa on sa.rn = 1 + floor(p.r_area * ${areaSlots})::int join nat_areas a on a.id = sa.id
        join nat_wcell_slots sc on sc.rn = 1 + floor(p.r_cell * ${cellSlots})::int join nat_wcells wc on wc.id = sc.id`,
  );
  await run(
    ctx,
    sql`alter table nat_w add column issued_at timestamptz, add column received_at timestamptz,
    add column placed_at timestamptz, add column ack_at timestamptz, add column rejected_at timestamptz, add column created_at timestamptz`,
  );
  await run(ctx, sql`update nat_w set ${issued}`);
  await run(ctx, sql`update nat_w set ${placedAt}`);
  await run(ctx, sql`create index on nat_w (area_cell_id) where placed_at is not null`);
  await planOthers(ctx);
  for (const [source, total] of [['nat_w', plan.working] as const, ['nat_o', plan.others] as const])
    for (let from = 1, base = source === 'nat_w' ? 0 : plan.working; from <= total; from += CHUNK) {
      const to = Math.min(total, from + CHUNK - 1);
      await insertMembers(ctx, source, base + from, base + to);
      ctx.progress(
        `${source === 'nat_w' ? 'working' : 'other'} members ${to.toLocaleString('en')}/${total.toLocaleString('en')}`,
      );
    }
  await insertMemberships(ctx);
}

function letterStatusCase(): SQL {
  let acc = 0;
  const whens = LETTER_SHARES.map(([status, share]) => {
    acc += share;
    return `when r_let < ${acc.toFixed(4)} then '${status}'`;
  });
  return sql.raw(`(case ${whens.join(' ')} else '${LETTER_SHARES.at(-1)![0]}' end)::letter_status`);
}

async function planOthers(ctx: ProvinceContext): Promise<void> {
  const { plan } = ctx;
  await tempTable(
    ctx,
    'nat_o',
    sql`with s as materialized (
          select g as seq, ${PERSON_RANDOMS}, date '1935-01-01' + floor(random() * 21900)::int as dob,
            1 + floor(random() * (select count(*) from nat_areas))::int as area_rn, random() as r_status, random() as r_job
          from generate_series(${plan.working + 1}::int, ${plan.working + plan.others}::int) g),
        p as (select ${personColumns(ctx)}, area_rn, r_status, r_job from s)
        select p.*, a.id as area_id, a.commune_id, a.commune_rn, a.cell_id, a.ward, a.commune_base, a.name as area_name,
          (case when r_status < 0.01 then ${member('deceased')} when r_status < 0.02 then ${member('transferred')}
            else ${literal(activeMemberStatus)} end)::member_status as status
        from p join nat_areas a on a.rn = p.area_rn`,
  );
  // The cell secretary (first active member of the cell) signs the cell's evaluation forms.
  await run(ctx, sql`alter table nat_o add column role membership_role not null default 'member'`);
  await run(
    ctx,
    sql`update nat_o o set role = r.role from (
          select seq, (case row_number() over (partition by cell_id order by ${isNotValue(sql`status`, activeMemberStatus)}, seq)
            when 1 then 'secretary' when 2 then 'deputy_secretary' when 3 then 'committee_member' else 'member' end)::membership_role as role
          from nat_o) r where r.seq = o.seq and r.role <> 'member'`,
  );
  await run(ctx, sql`alter table nat_areas add column secretary text`);
  await run(
    ctx,
    sql`update nat_areas a set secretary = coalesce(o.full_name, a.front_head)
        from nat_areas x left join nat_o o on o.cell_id = x.cell_id and o.role = 'secretary' where x.id = a.id`,
  );
}

const member = (status: MemberStatus) => literal(status);

/** Street address in the area: a house number on a named street in wards, a house number in villages. */
export const street = sql`case when ward then 'Số ' || (1 + floor(r_street * 180)::int) || ', đường ' || ${pick(STREET_NAMES, 'r_phone')}
  else 'Nhà số ' || (1 + floor(r_street * 120)::int) end`;
/** The reason printed on an exempt member's record and letter (Guide 33). */
export const exemptReason = pick(EXEMPT_REASONS, 'r_t2');
export const communeLabel = (ward: string, base: string) =>
  sql.raw(`case when ${ward} then 'Phường ' else 'Xã ' end || ${base}`);

async function insertMembers(
  ctx: ProvinceContext,
  source: 'nat_w' | 'nat_o',
  from: number,
  to: number,
): Promise<void> {
  const working = source === 'nat_w';
  const { plan } = ctx;
  // ~15 % of working members are registered in another commune than the one they live in (livesAway).
  const away = working ? sql`p.r_away < 0.15` : sql`p.r_away < 0.05`;
  const other =
    plan.communes > 1
      ? sql`(select ${communeLabel('c.ward', 'c.base')} from nat_communes c where c.rn = 1 + (p.commune_rn + floor(p.r_away * 6.67 * ${plan.communes - 1})::int) % ${plan.communes})`
      : pick(AWAY_COMMUNES, 'p.r_phone');
  const w = (expr: SQL, otherwise: SQL = sql`null`) => (working ? expr : otherwise);
  await run(
    ctx,
    sql`insert into members (id, full_name, sex, date_of_birth, card_number, citizen_id, phone, email, date_admitted, date_official,
          cell_id, job_title, registered_province, registered_commune, registered_area, registered_street, residence_province,
          residence_commune_id, residence_area_id, residence_street, residence_cell_id, current_letter_id, category, category_reason,
          exempt_from, exempt_to, status, created_at, updated_at)
        select p.id, p.full_name, (case when p.female then 'female' else 'male' end)::sex, p.dob, p.card,
          case when not exists (select 1 from members x where x.citizen_id = p.citizen_candidate) then p.citizen_candidate end,
          p.phone, p.email, p.admitted, (p.admitted + interval '1 year')::date, p.cell_id,
          ${w(sql`(${textArray(JOB_TITLES.flat())})[p.wp_kind * 8 + 1 + floor(p.r_t3 * 8)::int]`, sql`case when p.dob < date '1966-01-01' then 'Hưu trí' else ${pick(LOCAL_JOBS, 'p.r_job')} end`)},
          ${plan.spec.name}::text, case when ${away} then ${other} else ${communeLabel('p.ward', 'p.commune_base')} end,
          case when ${away} then 'Tổ ' || (1 + floor(p.r_street * 20)::int) else p.area_name end, ${street},
          ${plan.spec.name}::text, p.commune_id, p.area_id, ${street},
          ${w(sql`case when ${oneOf(sql`p.letter_status`, placedLetterStatuses)} then p.area_cell_id end`)},
          ${w(sql`case when p.letter_status is not null then p.letter_id end`)},
          ${w(sql`p.category`, sql`'active'::residence_category`)},
          ${w(sql`case p.category when 'exempt' then ${exemptReason} when 'not_introduced' then ${pick(NOT_INTRODUCED_REASONS, 'p.r_t2')} end`)},
          ${w(sql`case when p.category = 'exempt' then ${ctx.today}::date - floor(p.r_t1 * 700)::int end`)},
          ${w(sql`case when p.category = 'exempt' then ${ctx.today}::date - floor(p.r_t1 * 700)::int + 730 end`)},
          ${w(sql`${literal(activeMemberStatus)}::member_status`, sql`p.status`)},
          ${ctx.now} - ${days('400 + p.r_adm * 200')}, ${ctx.now} - ${days('p.r_adm * 30')}
        from ${sql.raw(source)} p where p.seq between ${from}::int and ${to}::int`,
  );
}

async function insertMemberships(ctx: ProvinceContext): Promise<void> {
  // Working members: the workplace cell (its first member is the secretary), and the residential cell once placed.
  await run(
    ctx,
    sql`insert into unit_memberships (member_id, unit_id, kind, role, valid_from)
        select id, cell_id, 'party_cell'::membership_kind, (case when row_number() over (partition by cell_id order by seq) = 1 then 'secretary' else 'member' end)::membership_role,
          admitted from nat_w
        union all
        select id, area_cell_id, 'residence_cell'::membership_kind, 'member'::membership_role, ${vnDateOf(sql`placed_at`)}
        from nat_w where ${oneOf(sql`letter_status`, placedLetterStatuses)}`,
  );
  await run(
    ctx,
    sql`insert into unit_memberships (member_id, unit_id, kind, role, valid_from, valid_to, note)
        select id, cell_id, 'party_cell', role, admitted,
          case when ${isNotValue(sql`status`, activeMemberStatus)} then ${ctx.today}::date - 1 - floor(r_phone * 400)::int end,
          case status when ${member('transferred')} then 'Chuyển sinh hoạt đảng ra ngoài tỉnh' when ${member('deceased')} then 'Từ trần' end
        from nat_o`,
  );
}
