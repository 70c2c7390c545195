import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Bind } from '../http/access';
import type { Db } from './client';

/**
 * Prepared statements for hot reads whose SQL depends on the actor (decision 0015). Building a drizzle query
 * with its scope costs more CPU than PostgreSQL spends answering it; a prepared statement is built once per
 * *shape* — the scope's SQL text with its values as placeholders — and then only fills in the values (and
 * PostgreSQL parses and plans it once per connection). Shapes are few: one per combination of roles.
 */

const dialect = new PgDialect({ casing: 'snake_case' });
const MAX_SHAPES = 200;
const byDb = new WeakMap<Db, Map<string, unknown>>();

/** Values for a prepared statement: `bind` turns each into a named placeholder (p0, p1, …) in `params`. */
export function placeholders(initial: Record<string, unknown> = {}): {
  params: Record<string, unknown>;
  bind: Bind;
} {
  const params = { ...initial };
  let n = 0;
  return {
    params,
    bind: (value) => {
      const name = `p${n++}`;
      params[name] = value;
      return sql.placeholder(name);
    },
  };
}

/** The statement of `family` for this `shape` on `db`, prepared on first use. */
export function statementFor<P>(db: Db, family: string, shape: SQL, prepare: (name: string) => P): P {
  const key = `${family}:${dialect.sqlToQuery(shape).sql}`;
  let statements = byDb.get(db);
  if (!statements) byDb.set(db, (statements = new Map()));
  let statement = statements.get(key) as P | undefined;
  if (!statement) {
    if (statements.size >= MAX_SHAPES) statements.clear();
    statement = prepare(`${family}_${createHash('sha256').update(key).digest('hex').slice(0, 20)}`);
    statements.set(key, statement);
  }
  return statement;
}
