import { sql, type SQL } from 'drizzle-orm';
import { VN_TIME_ZONE } from '../../../../shared/rules/vietnam-calendar';
import { queryRows, type Executor } from '../../client';
import { vnDateOf } from '../../vietnam-calendar-sql';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from '../names';
import { pick } from '../sql-picks';
import type { ProvincePlan } from './provinces';

/** What every stage of one province gets: the open transaction, the plan and the clock. */
export interface ProvinceContext {
  tx: Executor;
  plan: ProvincePlan;
  /** the moment the data describes, as a timestamptz literal */
  now: SQL;
  /** today on Vietnam's calendar, `yyyy-mm-dd` */
  today: string;
  /** the current year on Vietnam's calendar (Y); history covers Y-2 … Y */
  year: number;
  years: number[];
  /** ids of the province root and its two blocs, set by the units stage */
  ids: { province: string; agencies: string; enterprises: string };
  progress(msg: string): void;
}

export async function rows<T>(ctx: ProvinceContext, q: SQL): Promise<T[]> {
  return queryRows<T>(ctx.tx, q);
}

export async function run(ctx: ProvinceContext, q: SQL): Promise<void> {
  await ctx.tx.execute(q);
}

/** Rows in a (temp) table, e.g. to report progress. */
export async function countOf(ctx: ProvinceContext, from: SQL): Promise<number> {
  const [r] = await rows<{ n: number }>(ctx, sql`select count(*)::int as n from ${from}`);
  return r!.n;
}

/** A temp table that lives until the province's transaction ends. */
export async function tempTable(ctx: ProvinceContext, name: string, select: SQL): Promise<void> {
  await run(ctx, sql`create temp table ${sql.raw(name)} on commit drop as ${select}`);
  await run(ctx, sql`analyze ${sql.raw(name)}`);
}

/** A moment on Vietnam's clock: `(date + time) at time zone 'Asia/Ho_Chi_Minh'`. */
export function vnAt(day: SQL, time: string): SQL {
  return sql`((${day}) + time ${sql.raw(`'${time}'`)}) at time zone ${sql.raw(`'${VN_TIME_ZONE}'`)}`;
}

/** The Vietnam calendar day of a timestamptz. */
export function vnDate(ts: SQL): SQL {
  return vnDateOf(sql`(${ts})`);
}

/** `n` days as an interval (fractions allowed). */
export function days(n: SQL | string): SQL {
  return sql`((${typeof n === 'string' ? sql.raw(n) : n}) * interval '1 day')`;
}

/** A random weight around 1 with a long right tail (lognormal, capped), from two random() draws. */
export function lognormalWeight(sigma: number, cap: number): SQL {
  return sql.raw(`least(exp(${sigma} * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())), ${cap})`);
}

/**
 * A 12-hex-digit code, unique by construction: a bijection of 48 bits (odd multiplications and xor-shifts)
 * applied to (domain, province, ordinal). It looks random, so it cannot be guessed from a neighbour's.
 */
export function uniqueCode(domain: number, province: number, ordinal: SQL): SQL {
  const x0 = sql`((${String(domain)}::bigint << 44) | (${String(province)}::bigint << 37) | (${ordinal})::bigint)`;
  const mask = '281474976710655';
  const mul = (x: SQL, k: number) => sql`((${x}) * ${sql.raw(String(k))} & ${sql.raw(mask)})`;
  const xs = (x: SQL, s: number) => sql`((${x}) # ((${x}) >> ${sql.raw(String(s))}))`;
  return sql`upper(lpad(to_hex(${xs(mul(xs(mul(xs(mul(x0, 25173), 19), 13849), 23), 30029), 17)}), 12, '0'))`;
}

const FAMILY_WEIGHTED = FAMILY_NAMES.flatMap(([name, weight]) => Array<string>(weight).fill(name));

/** A full name from random columns; the middle and given names follow the sex column `female`. */
export function personName(p: { female: string; fam: string; mid: string; giv: string }): SQL {
  return sql`${pick(FAMILY_WEIGHTED, p.fam)} || ' ' ||
    case when ${sql.raw(p.female)} then ${pick(MIDDLE_NAMES.female, p.mid)} else ${pick(MIDDLE_NAMES.male, p.mid)} end || ' ' ||
    case when ${sql.raw(p.female)} then ${pick(GIVEN_NAMES.female, p.giv)} else ${pick(GIVEN_NAMES.male, p.giv)} end`;
}

/** A name for someone we only need the name of (signers, Front heads): three fresh random draws. */
export function randomName(): SQL {
  return sql`${pick(FAMILY_WEIGHTED, 'random()')} || ' ' || ${pick(MIDDLE_NAMES.male, 'random()')} || ' ' || ${pick(GIVEN_NAMES.male, 'random()')}`;
}

/** `09xxxxxxxx`-style mobile number. */
export function phoneNumber(r: string): SQL {
  return sql.raw(`'09' || lpad(floor(${r} * 1e8)::bigint::text, 8, '0')`);
}
