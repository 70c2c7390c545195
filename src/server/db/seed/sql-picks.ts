import { sql, type SQL } from 'drizzle-orm';

/**
 * Building blocks of the set-based generators (scale.ts, national/): picks from our own constant lists
 * inside INSERT … SELECT, so no row is ever built in Node.
 */

/** A text[] literal from our own constant lists (never user input). */
export function textArray(items: readonly string[]): SQL {
  return sql.raw(`array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]::text[]`);
}

/** `arr[1 + floor(r * len)]` — a uniform pick from a literal array using a random column `r`. */
export function pick(items: readonly string[], r: string): SQL {
  return sql`(${textArray(items)})[1 + floor(${sql.raw(r)} * ${sql.raw(String(items.length))})::int]`;
}
