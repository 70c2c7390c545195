import { sql, type SQL } from 'drizzle-orm';
import { pick, textArray } from '../sql-picks';
import {
  lognormalWeight,
  phoneNumber,
  randomName,
  rows,
  run,
  tempTable,
  type ProvinceContext,
} from './context';
import {
  AGENCY_KINDS,
  BAN_NAMES,
  DEPARTMENTS,
  ENTERPRISE_KINDS,
  PLACE_FIRST,
  PLACE_SECOND,
  SCHOOL_KINDS,
  WORKPLACE_CELLS,
} from './vocab';

/**
 * The tree of one province: root → ~98 commune committees (each ~30 residential areas, one residential cell
 * per area) and two blocs (agencies; enterprises) holding most workplace committees; ~15 % of workplaces
 * (schools) sit directly under a commune. Each workplace committee has 2–5 cells. Temp tables keep the ids
 * with row numbers for the later stages (nat_communes, nat_areas, nat_wp, nat_wcells).
 */

/** Units exist since before any generated history (letters from 2021, meetings from Y-2). */
const FOUNDED = sql`date '2020-01-01'`;
const label = (id: string) => sql.raw(`replace(${id}::text, '-', '')::ltree`);
const PLACES = PLACE_FIRST.length * PLACE_SECOND.length;

/** The i-th two-syllable place name of a province: distinct for i < 1,408 (the step is prime to it). */
function placeName(i: SQL, province: number): SQL {
  const idx = sql`((${String(province * 53)} + (${i}) * 389) % ${String(PLACES)})`;
  return sql`(${textArray(PLACE_FIRST)})[1 + ${idx} % ${String(PLACE_FIRST.length)}] || ' ' ||
    (${textArray(PLACE_SECOND)})[1 + ${idx} / ${String(PLACE_FIRST.length)}]`;
}

export async function seedUnits(ctx: ProvinceContext): Promise<void> {
  const { plan } = ctx;
  const [root] = await rows<{ id: string }>(
    ctx,
    sql`with n as (select gen_random_uuid() as id)
        insert into org_units (id, path, depth, code, name, type, valid_from, address)
        select id, ${label('id')}, 0, ${plan.code}::text, ${plan.unitName}::text, 'province_committee', ${FOUNDED},
          ${`Trụ sở Tỉnh ủy, ${plan.displayName}`}::text from n
        returning id`,
  );
  ctx.ids.province = root!.id;
  const where = plan.unitName.replace(/^Đảng bộ /, '');
  const blocs = await rows<{ id: string; code: string }>(
    ctx,
    sql`with n as (select gen_random_uuid() as id, c, nm from (values ('KCQ', ${`Đảng bộ Khối các cơ quan ${where}`}::text),
          ('KDN', ${`Đảng bộ Khối doanh nghiệp ${where}`}::text)) v(c, nm))
        insert into org_units (id, parent_id, path, depth, code, name, type, valid_from)
        select n.id, p.id, p.path || ${label('n.id')}, 1, ${plan.code}::text || '-' || c, nm, 'bloc_committee', ${FOUNDED}
        from n, org_units p where p.id = ${root!.id}::uuid
        returning id, code`,
  );
  ctx.ids.agencies = blocs.find((b) => b.code.endsWith('KCQ'))!.id;
  ctx.ids.enterprises = blocs.find((b) => b.code.endsWith('KDN'))!.id;
  await seedCommunes(ctx);
  await seedAreas(ctx);
  await seedWorkplaces(ctx);
  await run(
    ctx,
    sql`insert into unit_events (unit_id, kind, effective_date, to_value, note)
        select id, 'created', valid_from, name, 'Dữ liệu sinh tự động (quy mô toàn quốc)'
        from org_units where path <@ (select path from org_units where id = ${root!.id}::uuid)`,
  );
}

async function seedCommunes(ctx: ProvinceContext): Promise<void> {
  const { plan } = ctx;
  await tempTable(
    ctx,
    'nat_communes',
    sql`select gen_random_uuid() as id, g as rn, random() < ${plan.wardShare} or g = 1 as ward, ${placeName(sql`g`, plan.spec.index)} as base,
          greatest(2, round(${plan.areas / plan.communes} * (0.6 + 0.8 * random())))::int as areas, ${randomName()} as secretary
        from generate_series(1, ${plan.communes}::int) g`,
  );
  await run(
    ctx,
    sql`insert into org_units (id, parent_id, path, depth, code, name, type, valid_from, address)
        select c.id, p.id, p.path || ${label('c.id')}, 1, ${plan.code}::text || '-C' || lpad(c.rn::text, 3, '0'),
          'Đảng bộ ' || case when c.ward then 'phường ' else 'xã ' end || c.base, 'commune_committee', ${FOUNDED},
          'Trụ sở Đảng ủy ' || case when c.ward then 'phường ' else 'xã ' end || c.base || ', ' || ${plan.displayName}::text
        from nat_communes c, org_units p where p.id = ${ctx.ids.province}::uuid`,
  );
}

/** Lower-case form of an area's first word(s), for "Chi bộ tổ dân phố 5" (lower() is ASCII-only in a C locale). */
const AREA_PREFIXES: Record<string, string> = {
  'Tổ dân phố': 'tổ dân phố',
  'Khu phố': 'khu phố',
  Thôn: 'thôn',
  Ấp: 'ấp',
  Xóm: 'xóm',
  Bản: 'bản',
};
const lowerPrefix = sql.raw(
  `case prefix ${Object.entries(AREA_PREFIXES)
    .map(([k, v]) => `when '${k}' then '${v}'`)
    .join(' ')} end`,
);

/** Area names by region: tổ dân phố / khu phố in wards; thôn, xóm, ấp or bản in rural communes. */
function areaParts(region: string): { prefix: SQL; tail: SQL } {
  const ward = region === 'south' ? "'Khu phố'" : "'Tổ dân phố'";
  const village = region === 'south' ? "'Ấp'" : region === 'mountain' ? "'Bản'" : "'Thôn'";
  const villageName =
    region === 'mountain'
      ? sql`(${textArray(BAN_NAMES)})[1 + (k + c.rn) % ${String(BAN_NAMES.length)}]
          || case when k > ${String(BAN_NAMES.length)} then ' ' || ((k - 1) / ${String(BAN_NAMES.length)} + 1) else '' end`
      : placeName(sql`k * 7 + c.rn`, 0);
  return {
    prefix: sql`case when c.ward then ${sql.raw(ward)} when k % 3 = 0 then 'Xóm' else ${sql.raw(village)} end`,
    tail: sql`case when c.ward or k % 3 = 0 then k::text else ${villageName} end`,
  };
}

async function seedAreas(ctx: ProvinceContext): Promise<void> {
  const { prefix, tail } = areaParts(ctx.plan.spec.region);
  // Working members per cell are skewed (issue: typically 10–60, a few up to ~170): a lognormal weight.
  await tempTable(
    ctx,
    'nat_areas',
    sql`select a.*, (row_number() over (order by a.commune_rn, a.k))::int as rn, prefix || ' ' || tail as name,
          ${lowerPrefix} || ' ' || tail as lower_name
        from (
          select gen_random_uuid() as id, gen_random_uuid() as cell_id, c.id as commune_id, c.rn as commune_rn, c.ward,
            c.base as commune_base, k, ${prefix} as prefix, ${tail} as tail,
            ${lognormalWeight(0.7, 8)} as weight, ${randomName()} as front_head, random() as r_phone
          from nat_communes c cross join lateral generate_series(1, c.areas) k) a`,
  );
  await run(
    ctx,
    sql`insert into residential_areas (id, commune_unit_id, name, kind, front_head_name, front_head_phone)
        select id, commune_id, name,
          (case when ward then 'residential_group' when prefix in ('Xóm', 'Ấp') then 'hamlet' else 'village' end)::area_kind,
          front_head, ${phoneNumber('r_phone')}
        from nat_areas`,
  );
  await run(
    ctx,
    sql`insert into org_units (id, parent_id, path, depth, code, name, type, residential_area_id, meeting_place, valid_from)
        select a.cell_id, c.id, c.path || ${label('a.cell_id')}, 2, c.code || '-R' || lpad(a.k::text, 2, '0'),
          'Chi bộ ' || a.lower_name, 'residential_cell', a.id, 'Nhà văn hóa ' || a.lower_name, ${FOUNDED}
        from nat_areas a join org_units c on c.id = a.commune_id`,
  );
}

/** kind 0 agency (agencies bloc), 1 enterprise (enterprises bloc), 2 school (under a commune). */
function workplaceName(): SQL {
  return sql`'Đảng bộ ' || case kind
      when 0 then case when rn <= ${String(DEPARTMENTS.length)} then (${textArray(DEPARTMENTS)})[rn]
        else ${pick(AGENCY_KINDS, 'r_name')} || ' ' || place end
      when 1 then ${pick(ENTERPRISE_KINDS, 'r_name')} || ' ' || place
      else ${pick(SCHOOL_KINDS, 'r_name')} || ' ' || place end`;
}

async function seedWorkplaces(ctx: ProvinceContext): Promise<void> {
  const { plan, ids } = ctx;
  // Sizes vary a lot (a small school, a power company): a lognormal weight per committee.
  await tempTable(
    ctx,
    'nat_wp',
    sql`with s as materialized (
          select g, random() as r_kind, random() as r_name, random() as r_commune, random() as r_cells, ${lognormalWeight(0.8, 10)} as weight
          from generate_series(1, ${plan.workplaces}::int) g),
        k as (select s.*, case when g = 1 then 0 when g = 2 then 1 when r_kind < 0.15 then 2 when r_kind < 0.58 then 0 else 1 end as kind from s)
        select gen_random_uuid() as id, g as rn, kind, weight, 2 + floor(r_cells * 4)::int as ncells, r_name,
          ${placeName(sql`g`, plan.spec.index + 17)} as place,
          1 + floor(r_commune * ${plan.communes}::int)::int as commune_rn, ${randomName()} as secretary
        from k`,
  );
  await run(
    ctx,
    sql`insert into org_units (id, parent_id, path, depth, code, name, type, sector, valid_from)
        select w.id, p.id, p.path || ${label('w.id')}, p.depth + 1, ${plan.code}::text || '-W' || lpad(w.rn::text, 4, '0'),
          ${workplaceName()}, 'workplace_committee',
          (case w.kind when 0 then 'agency' when 1 then 'enterprise' else 'public_service' end)::workplace_sector, ${FOUNDED}
        from nat_wp w
        join org_units p on p.id = case w.kind when 0 then ${ids.agencies}::uuid when 1 then ${ids.enterprises}::uuid
          else (select c.id from nat_communes c where c.rn = w.commune_rn) end`,
  );
  await tempTable(
    ctx,
    'nat_wcells',
    sql`select gen_random_uuid() as id, w.id as wp_id, w.kind, k, w.weight * (0.5 + random()) as weight
        from nat_wp w cross join lateral generate_series(1, w.ncells) k`,
  );
  await run(
    ctx,
    sql`insert into org_units (id, parent_id, path, depth, code, name, type, sector, valid_from)
        select c.id, w.id, w.path || ${label('c.id')}, w.depth + 1, w.code || '-' || c.k,
          (${textArray(WORKPLACE_CELLS.flat())})[c.kind * 5 + c.k], 'workplace_cell', w.sector, ${FOUNDED}
        from nat_wcells c join org_units w on w.id = c.wp_id`,
  );
}
