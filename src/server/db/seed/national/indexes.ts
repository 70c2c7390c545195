import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../client';

/**
 * A bulk load is faster without the secondary indexes of the big tables: they are "parked" (their definition
 * saved from pg_get_indexdef, so the migrations' definitions come back exactly, then dropped) and rebuilt once
 * at the end by a sort instead of millions of random inserts. Unique indexes and primary keys stay: they
 * check the generated data as it goes, and the seed's own look-ups use them. The definitions wait in a table
 * the seed creates for itself; a run that stopped halfway leaves them there and the next run rebuilds them.
 */
const TABLES = [
  'members',
  'unit_memberships',
  'unit_events',
  'introduction_letters',
  'meetings',
  'meeting_attendances',
  'activity_contributions',
  'evaluations',
  'evaluation_versions',
];
/** the evidence stage joins contributions to the province's activities through it */
const KEEP = ['activity_contributions_activity_id_index'];
const PARKED = sql.raw('national_seed_parked_indexes');

export async function parkIndexes(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`create table if not exists ${PARKED} (name text primary key, definition text not null,
      parked_at timestamptz not null default now())`);
    const found = await queryRows<{ name: string; definition: string }>(
      tx,
      sql`select i.relname as name, pg_get_indexdef(ix.indexrelid) as definition
          from pg_index ix join pg_class i on i.oid = ix.indexrelid join pg_class t on t.oid = ix.indrelid
          join pg_namespace n on n.oid = t.relnamespace
          where n.nspname = current_schema() and t.relname in (${sql.join(
            TABLES.map((x) => sql`${x}`),
            sql`, `,
          )})
            and not ix.indisunique and not ix.indisprimary and i.relname not in (${sql.join(
              KEEP.map((x) => sql`${x}`),
              sql`, `,
            )})
            and not exists (select 1 from pg_constraint c where c.conindid = ix.indexrelid)`,
    );
    for (const ix of found) {
      await tx.execute(
        sql`insert into ${PARKED} (name, definition) values (${ix.name}, ${ix.definition}) on conflict (name) do nothing`,
      );
      await tx.execute(sql`drop index ${sql.identifier(ix.name)}`);
    }
    return found.map((f) => f.name);
  });
}

/** Rebuild every parked index (one transaction each, so a stop keeps the rest parked), then drop the table. */
export async function restoreIndexes(db: Db, progress: (msg: string) => void = () => {}): Promise<number> {
  const [exists] = await queryRows<{ t: string | null }>(
    db,
    sql`select to_regclass(${'national_seed_parked_indexes'})::text as t`,
  );
  if (!exists?.t) return 0;
  const parked = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select name, definition from ${PARKED} order by name`,
  );
  for (const ix of parked) {
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      const [present] = await queryRows<{ t: string | null }>(
        tx,
        sql`select to_regclass(${ix.name})::text as t`,
      );
      if (!present?.t) await tx.execute(sql.raw(ix.definition));
      await tx.execute(sql`delete from ${PARKED} where name = ${ix.name}`);
    });
    progress(`index ${ix.name} rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await db.execute(sql`drop table if exists ${PARKED}`);
  return parked.length;
}
