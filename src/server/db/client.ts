import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { installReferenceData } from './reference-data';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** the PGlite instance, when embedded (tests clone it) */
  pglite?: PGlite;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
export const pgliteExtensions = { citext, ltree, pg_trgm, pgcrypto, unaccent };

export async function openPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({ dataDir, extensions: pgliteExtensions });
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: async () => {
      await migratePglite(drizzlePglite({ client, casing: 'snake_case' }), { migrationsFolder });
      await installReferenceData(db);
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

export function connectPostgres(url: string, max = 10, onError: (err: Error) => void = defaultPoolError): Database {
  // JIT compilation costs 50–200 ms a query and pays off only for long analytics; every query here is
  // short (the dashboards read precomputed rows), so it is off for this application's connections.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off' });
  // An idle client can die under us (server restart, admin termination); without a listener that
  // error would crash the process. The pool replaces the client on the next query.
  pool.on('error', onError);
  const db = drizzleNodePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      await migrateNodePg(drizzleNodePg({ client: pool, casing: 'snake_case' }), { migrationsFolder });
      await installReferenceData(db);
    },
    close: () => pool.end(),
  };
}

function defaultPoolError(err: Error & { code?: string }) {
  // 57P01: terminated by an administrator (e.g. a test database dropped WITH (FORCE)).
  if (err.code !== '57P01') console.error('PostgreSQL pool: idle client error', err.message);
}

/** PostgreSQL when DATABASE_URL is set; otherwise embedded PGlite, file-backed under DATA_DIR/pglite. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl);
  return wrapPglite(await openPglite(path.join(opts.dataDir, 'pglite')));
}

/** Run raw SQL and get typed rows (both drivers return `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
