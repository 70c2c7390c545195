import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../client';
import { assertNotProduction } from './guard';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from './names';
import { pick, textArray } from './sql-picks';

/**
 * Load-test data, set-based: one province appended to whatever exists, with ~n/10,000 communes
 * (10 residential areas and cells each), ~n/800 workplace committees (4 cells each) and n working
 * members, inserted with INSERT … SELECT FROM generate_series in chunks so progress can be shown.
 * Target: one province (~300,000 members) in minutes on PostgreSQL.
 */
export interface ScaleResult {
  runId: string;
  provinceId: string;
  units: number;
  members: number;
}

const CHUNK = 100_000;

const FAMILY_WEIGHTED = FAMILY_NAMES.flatMap(([name, weight]) => Array<string>(weight).fill(name));
const PLACE_FIRST = [
  'Đông',
  'Quảng',
  'Hoằng',
  'Thiệu',
  'Yên',
  'Vĩnh',
  'Hà',
  'Nga',
  'Hậu',
  'Thọ',
  'Triệu',
  'Tĩnh',
  'Nông',
  'Ngọc',
  'Cẩm',
];
const PLACE_SECOND = [
  'Sơn',
  'Phú',
  'Lộc',
  'Thành',
  'Hưng',
  'Xuân',
  'An',
  'Hòa',
  'Thịnh',
  'Lợi',
  'Tiến',
  'Trung',
];
const STREETS = [
  'Lê Lợi',
  'Trần Phú',
  'Quang Trung',
  'Lý Thường Kiệt',
  'Nguyễn Trãi',
  'Bà Triệu',
  'Hàm Nghi',
  'Phan Chu Trinh',
  'Nguyễn Du',
  'Hai Bà Trưng',
];
const DEPARTMENTS = [
  'Tài chính',
  'Y tế',
  'Giáo dục và Đào tạo',
  'Xây dựng',
  'Nông nghiệp và Môi trường',
  'Công Thương',
  'Nội vụ',
  'Tư pháp',
  'Khoa học và Công nghệ',
  'Văn hóa, Thể thao và Du lịch',
];
/** Four cell names per kind of workplace: enterprise, school, hospital, agency. */
const CELL_NAMES = [
  'Chi bộ Văn phòng',
  'Chi bộ Phòng Kế toán',
  'Chi bộ Phòng Kỹ thuật',
  'Chi bộ Phòng Kinh doanh',
  'Chi bộ Tổ Toán - Tin',
  'Chi bộ Tổ Ngữ văn',
  'Chi bộ Tổ Ngoại ngữ',
  'Chi bộ Văn phòng nhà trường',
  'Chi bộ Khoa Nội',
  'Chi bộ Khoa Ngoại',
  'Chi bộ Khoa Sản',
  'Chi bộ Khoa Dược',
  'Chi bộ Văn phòng',
  'Chi bộ Phòng Kế hoạch',
  'Chi bộ Phòng Tổ chức cán bộ',
  'Chi bộ Thanh tra',
];
const JOB_TITLES = [
  'Chuyên viên',
  'Kỹ sư',
  'Kế toán viên',
  'Trưởng phòng',
  'Giáo viên',
  'Giáo viên',
  'Bác sĩ',
  'Điều dưỡng',
  'Chuyên viên chính',
  'Công nhân',
];
const AWAY_COMMUNES = [
  'Xã Quảng Xương',
  'Xã Nông Cống',
  'Phường Sầm Sơn',
  'Xã Thọ Xuân',
  'Xã Ngọc Lặc',
  'Phường Bỉm Sơn',
];
const EXEMPT_REASONS = [
  'Thường xuyên đi công tác xa',
  'Học tập tập trung dài hạn từ 12 tháng trở lên',
  'Làm việc lưu động',
];
const PROVINCE = 'Thanh Hóa';

type Row = Record<string, unknown>;
async function query<T extends Row>(ex: Executor, q: SQL): Promise<T[]> {
  // node-postgres and PGlite both answer with { rows }
  const res = (await ex.execute(q)) as unknown as { rows: T[] };
  return res.rows;
}

export async function seedScale(
  db: Db,
  n: number,
  opts: { onProgress?: (msg: string) => void } = {},
): Promise<ScaleResult> {
  assertNotProduction();
  if (!Number.isInteger(n) || n < 1) throw new Error(`seedScale: n must be a positive integer (got ${n})`);
  const progress = opts.onProgress ?? (() => {});
  const runId = randomBytes(3).toString('hex').toUpperCase();
  const code = `S${runId}`;
  const communeCount = Math.max(3, Math.round(n / 10_000));
  const workplaceCount = Math.max(2, Math.round(n / 800));

  const result = await db.transaction(async (tx) => {
    // Card numbers '9' + 9 digits, continuing after the highest one already issued.
    const [top] = await query<{ card: string | null }>(
      tx,
      sql`select max(card_number) as card from members where card_number like '9%' and card_number ~ '^9[0-9]{9}$'`,
    );
    const cardBase = top?.card ? Number(top.card.slice(1)) : 0;

    const [province] = await query<{ id: string }>(
      tx,
      sql`with n as (select gen_random_uuid() as id)
          insert into org_units (id, path, depth, code, name, type, valid_from)
          select id, replace(id::text, '-', '')::ltree, 0, ${code}::text, ${`Đảng bộ tỉnh ${PROVINCE} (thử tải ${runId})`}::text,
                 'province_committee', date '1930-07-29' from n
          returning id`,
    );
    const provinceId = province!.id;
    const [bloc] = await query<{ id: string }>(
      tx,
      sql`with n as (select gen_random_uuid() as id)
          insert into org_units (id, parent_id, path, depth, code, name, type, valid_from)
          select n.id, p.id, p.path || replace(n.id::text, '-', '')::ltree, p.depth + 1, ${`${code}-KCQ`}::text,
                 'Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh', 'bloc_committee', date '2008-03-01'
          from n, org_units p where p.id = ${provinceId}::uuid
          returning id`,
    );
    const blocId = bloc!.id;

    // Communes: every third one rural (xã), the rest wards (phường).
    await tx.execute(sql`
      with n as (select gen_random_uuid() as id, g from generate_series(1, ${communeCount}::int) g)
      insert into org_units (id, parent_id, path, depth, code, name, type, valid_from)
      select n.id, p.id, p.path || replace(n.id::text, '-', '')::ltree, p.depth + 1, ${code}::text || '-C' || n.g,
             'Đảng bộ ' || case when n.g % 3 = 0 then 'xã ' else 'phường ' end
               || (${textArray(PLACE_FIRST)})[1 + (n.g - 1) % ${PLACE_FIRST.length}] || ' '
               || (${textArray(PLACE_SECOND)})[1 + ((n.g - 1) / ${PLACE_FIRST.length}) % ${PLACE_SECOND.length}]
               || case when n.g > ${PLACE_FIRST.length * PLACE_SECOND.length} then ' ' || ((n.g - 1) / ${PLACE_FIRST.length * PLACE_SECOND.length} + 1) else '' end,
             'commune_committee', date '2025-07-01'
      from n, org_units p where p.id = ${provinceId}::uuid`);

    // Ten residential areas per commune, each with its Front working committee head.
    await tx.execute(sql`
      insert into residential_areas (commune_unit_id, name, kind, front_head_name, front_head_phone)
      select c.id,
             case when c.name like 'Đảng bộ xã %' then 'Xóm ' else 'Khối ' end || a,
             (case when c.name like 'Đảng bộ xã %' then 'hamlet' else 'block' end)::area_kind,
             ${pick(FAMILY_WEIGHTED, 'r1')} || ' Văn ' || ${pick(GIVEN_NAMES.male, 'r2')},
             '09' || lpad(floor(r3 * 1e8)::bigint::text, 8, '0')
      from org_units c
      cross join generate_series(1, 10) a
      cross join lateral (select random() + a * 0 as r1, random() + a * 0 as r2, random() + a * 0 as r3) r
      where c.parent_id = ${provinceId}::uuid and c.type = 'commune_committee'`);

    await tx.execute(sql`
      with n as (
        select gen_random_uuid() as id, a.id as area_id, a.name, c.id as commune_id, c.path, c.depth, c.code,
               row_number() over (partition by c.id order by a.name) as k
        from residential_areas a join org_units c on c.id = a.commune_unit_id
        where c.parent_id = ${provinceId}::uuid and c.type = 'commune_committee')
      insert into org_units (id, parent_id, path, depth, code, name, type, residential_area_id, meeting_place, valid_from)
      select id, commune_id, path || replace(id::text, '-', '')::ltree, depth + 1, code || '-R' || k,
             'Chi bộ ' || lower(split_part(name, ' ', 1)) || substr(name, length(split_part(name, ' ', 1)) + 1),
             'residential_cell', area_id,
             'Nhà văn hóa ' || lower(split_part(name, ' ', 1)) || substr(name, length(split_part(name, ' ', 1)) + 1),
             date '1976-01-01'
      from n`);

    // Workplace committees under the bloc: enterprises, schools, hospitals, agencies in turn.
    await tx.execute(sql`
      with n as (select gen_random_uuid() as id, g, g % 4 as kind from generate_series(1, ${workplaceCount}::int) g)
      insert into org_units (id, parent_id, path, depth, code, name, type, sector, valid_from)
      select n.id, b.id, b.path || replace(n.id::text, '-', '')::ltree, b.depth + 1, ${code}::text || '-W' || n.g,
             'Đảng bộ ' || case n.kind
               when 0 then 'Công ty Cổ phần ' || ${pick(PLACE_FIRST, 'r1')} || ' ' || ${pick(PLACE_SECOND, 'r2')}
               when 1 then 'Trường Trung học phổ thông ' || ${pick(PLACE_FIRST, 'r1')} || ' ' || ${pick(PLACE_SECOND, 'r2')}
               when 2 then 'Bệnh viện Đa khoa ' || ${pick(PLACE_FIRST, 'r1')} || ' ' || ${pick(PLACE_SECOND, 'r2')}
               else 'Sở ' || ${pick(DEPARTMENTS, 'r1')} end,
             'workplace_committee',
             (case n.kind when 0 then 'enterprise' when 3 then 'agency' else 'public_service' end)::workplace_sector,
             date '1990-01-01'
      from n cross join lateral (select random() + n.g * 0 as r1, random() + n.g * 0 as r2) r, org_units b
      where b.id = ${blocId}::uuid`);

    await tx.execute(sql`
      with n as (
        select gen_random_uuid() as id, w.id as parent_id, w.path, w.depth, w.code, w.sector, k,
               (substr(w.code, length(${code}::text) + 3)::int % 4) as kind
        from org_units w cross join generate_series(1, 4) k
        where w.parent_id = ${blocId}::uuid and w.type = 'workplace_committee')
      insert into org_units (id, parent_id, path, depth, code, name, type, sector, valid_from)
      select id, parent_id, path || replace(id::text, '-', '')::ltree, depth + 1, code || '-' || k,
             (${textArray(CELL_NAMES)})[kind * 4 + k], 'workplace_cell', sector, date '1990-01-01'
      from n`);

    await tx.execute(sql`
      insert into unit_events (unit_id, kind, effective_date, to_value)
      select id, 'created', valid_from, name from org_units where path <@ (select path from org_units where id = ${provinceId}::uuid)`);
    const [units] = await query<{ count: number }>(
      tx,
      sql`select count(*)::int as count from org_units where path <@ (select path from org_units where id = ${provinceId}::uuid)`,
    );
    progress(
      `units: ${units!.count} (${communeCount} communes, ${communeCount * 10} residential cells, ${workplaceCount} workplace committees)`,
    );

    await tx.execute(sql`create temp table seed_cells on commit drop as
      select u.id, (row_number() over (order by u.id))::int as rn
      from org_units u join org_units w on w.id = u.parent_id
      where w.parent_id = ${blocId}::uuid and u.type = 'workplace_cell'`);
    await tx.execute(sql`create temp table seed_areas on commit drop as
      select a.id, a.commune_unit_id, a.name, rc.id as cell_id, c.name like 'Đảng bộ xã %' as rural,
             case when c.name like 'Đảng bộ xã %' then 'Xã ' else 'Phường ' end
               || regexp_replace(c.name, '^Đảng bộ (xã|phường) ', '') as commune_name,
             (row_number() over (order by a.id))::int as rn
      from residential_areas a
      join org_units c on c.id = a.commune_unit_id
      join org_units rc on rc.residential_area_id = a.id and rc.type = 'residential_cell'
      where c.parent_id = ${provinceId}::uuid`);
    const cellCount = workplaceCount * 4;
    const areaCount = communeCount * 10;

    for (let from = 1; from <= n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK - 1);
      await insertMemberChunk(tx, { from, to, cardBase, cellCount, areaCount });
      const lo = `9${String(cardBase + from).padStart(9, '0')}`;
      const hi = `9${String(cardBase + to).padStart(9, '0')}`;
      // One open membership of the workplace cell each; another of the residential cell for placed members.
      await tx.execute(sql`
        insert into unit_memberships (member_id, unit_id, kind, valid_from)
        select id, cell_id, 'party_cell'::membership_kind, date_admitted from members where card_number between ${lo}::text and ${hi}::text
        union all
        select id, residence_cell_id, 'residence_cell'::membership_kind, date '2025-08-01' + (abs(hashtext(id::text)) % 200)
        from members where card_number between ${lo}::text and ${hi}::text and residence_cell_id is not null`);
      progress(`members: ${to.toLocaleString('en')}/${n.toLocaleString('en')}`);
    }
    return { runId, provinceId, units: units!.count, members: n };
  });
  progress('analyze');
  await db.execute(sql`analyze`);
  return result;
}

async function insertMemberChunk(
  tx: Executor,
  p: { from: number; to: number; cardBase: number; cellCount: number; areaCount: number },
): Promise<void> {
  const mid = (r: string) =>
    sql`case when female then ${pick(MIDDLE_NAMES.female, r)} else ${pick(MIDDLE_NAMES.male, r)} end`;
  const given = (r: string) =>
    sql`case when female then ${pick(GIVEN_NAMES.female, r)} else ${pick(GIVEN_NAMES.male, r)} end`;
  await tx.execute(sql`
    with s as materialized (
      select g, random() < 0.45 as female,
             random() as r_fam, random() as r_mid, random() as r_giv, random() as r_adm, random() as r_cat,
             random() as r_away, random() as r_place, random() as r_contact, random() as r_job, random() as r_street,
             1 + floor(random() * ${p.cellCount}::int)::int as cell_rn,
             1 + floor(random() * ${p.areaCount}::int)::int as area_rn,
             date '1966-01-01' + floor(random() * 12784)::int as dob
      from generate_series(${p.from}::int, ${p.to}::int) g)
    insert into members (full_name, sex, date_of_birth, card_number, citizen_id, phone, email, date_admitted,
      date_official, cell_id, job_title, registered_province, registered_commune, registered_area, registered_street,
      residence_province, residence_commune_id, residence_area_id, residence_street, residence_cell_id,
      category, category_reason, exempt_from, exempt_to)
    select ${pick(FAMILY_WEIGHTED, 'r_fam')} || ' ' || ${mid('r_mid')} || ' ' || ${given('r_giv')},
           (case when female then 'female' else 'male' end)::sex,
           dob,
           '9' || lpad((${p.cardBase}::bigint + g)::text, 9, '0'),
           -- CCCD-like: Thanh Hóa's code 038 and the card sequence, so it is unique too
           case when r_contact < 0.95 then '038' || lpad((${p.cardBase}::bigint + g)::text, 9, '0') end,
           case when r_contact < 0.9 then '09' || lpad(floor(r_street * 1e8)::bigint::text, 8, '0') end,
           case when r_contact < 0.3 then 'dv' || (${p.cardBase}::bigint + g) || '@example.vn' end,
           x.adm, (x.adm + interval '1 year')::date,
           c.id, ${pick(JOB_TITLES, 'r_job')},
           ${PROVINCE}::text, case when r_away < 0.15 then ${pick(AWAY_COMMUNES, 'r_job')} else a.commune_name end,
           case when r_away < 0.15 then 'Thôn ' || (1 + floor(r_cat * 9)::int) else a.name end,
           x.street,
           ${PROVINCE}::text, a.commune_unit_id, a.id, x.street,
           case when r_cat >= 0.045 and r_place < 0.667 then a.cell_id end,
           (case when r_cat < 0.03 then 'exempt' when r_cat < 0.045 then 'not_introduced' else 'active' end)::residence_category,
           case when r_cat < 0.03 then ${pick(EXEMPT_REASONS, 'r_place')}
                when r_cat < 0.045 then 'Làm nhiệm vụ đặc biệt theo yêu cầu của cơ quan' end,
           case when r_cat < 0.03 then date '2025-01-01' end,
           case when r_cat < 0.03 then date '2026-12-31' end
    from s
    join seed_cells c on c.rn = s.cell_rn
    join seed_areas a on a.rn = s.area_rn
    cross join lateral (
      select least((s.dob + make_interval(years => 18 + floor(s.r_adm * 22)::int, days => floor(s.r_adm * 997)::int % 300))::date,
                   current_date - 500) as adm,
             case when a.rural then 'Nhà số ' || (1 + floor(s.r_street * 120)::int) || ', ' || lower(a.name)
                  else 'Số ' || (1 + floor(s.r_street * 180)::int) || ', đường ' || ${pick(STREETS, 'r_mid')} end as street
    ) x`);
}
