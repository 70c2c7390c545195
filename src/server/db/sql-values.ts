import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { unitStatusSchema } from '../../shared/contracts/org-units';
import type { MemberStatus } from '../../shared/contracts/members';

/**
 * Constants of the domain's own sets (statuses from the transition tables in src/shared/rules, unit types)
 * written into SQL as literals, so the planner can match partial indexes and enum comparisons. Only
 * identifiers of our own code pass here, never user input: anything else is refused.
 */
const SAFE = /^[a-z][a-z0-9_]*$/;

export function literal(value: string): SQL {
  if (!SAFE.test(value)) throw new Error(`not a domain constant: ${value}`);
  return sql.raw(`'${value}'`);
}

/** `column in ('a', 'b')` for a set exported by a transition table. */
export function oneOf(column: SQL, values: readonly string[]): SQL {
  if (values.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(values.map(literal), sql`, `)})`;
}

/** `column = 'a'`. */
export function isValue(column: SQL, value: string): SQL {
  return sql`${column} = ${literal(value)}`;
}

/** `column <> 'a'`. */
export function isNotValue(column: SQL, value: string): SQL {
  return sql`${column} <> ${literal(value)}`;
}

/** A uuid[] parameter. */
export function uuidList(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** An org unit's status is `active` (the unit_status enum: active, merged, dissolved). */
export function isActiveUnit(status: SQL): SQL {
  return isValue(status, 'active' satisfies z.infer<typeof unitStatusSchema>);
}

/** A member's status is `active` (still in the register: not expelled, removed or left). */
export function isActiveMember(status: SQL): SQL {
  return isValue(status, 'active' satisfies MemberStatus);
}
