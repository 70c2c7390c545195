import { sql, type SQL } from 'drizzle-orm';
import { VN_TIME_ZONE } from '../../shared/rules/vietnam-calendar';

/** The SQL side of src/shared/rules/vietnam-calendar.ts: years and half-years of a timestamp, on Vietnam's calendar. */
const zone = sql.raw(`'${VN_TIME_ZONE}'`);

export function vnYearOf(timestamp: SQL): SQL<number> {
  return sql<number>`extract(year from ${timestamp} at time zone ${zone})::int`;
}

/** 1 for January–June, 2 for July–December (Art. 4.3). */
export function vnHalfOf(timestamp: SQL): SQL<number> {
  return sql<number>`(case when extract(month from ${timestamp} at time zone ${zone}) <= 6 then 1 else 2 end)`;
}

/** The calendar day of a timestamp in Vietnam. */
export function vnDateOf(timestamp: SQL): SQL<string> {
  return sql<string>`(${timestamp} at time zone ${zone})::date`;
}

/** The moment a Vietnamese calendar year starts (1 January, 00:00 in Vietnam), for index-friendly ranges. */
export function vnYearStart(year: SQL): SQL<Date> {
  return sql<Date>`make_timestamptz(${year}, 1, 1, 0, 0, 0, ${zone})`;
}
