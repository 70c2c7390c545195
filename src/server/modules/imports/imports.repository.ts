import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ImportJobTransition } from '../../../shared/rules/import-job';
import { queryRows, type Executor } from '../../db/client';
import { importJobs, importRows, members } from '../../db/schema';
import { oneOf } from '../../db/sql-values';
import type { RowError } from './imports.validate';

/** Arrays travel as one jsonb parameter: works the same on PGlite and node-postgres, whatever the length. */
function jsonList(values: string[], cast: 'text' | 'uuid' = 'text'): SQL {
  return sql`(select (jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::${sql.raw(cast)})`;
}

export type ImportJobRow = typeof importJobs.$inferSelect;

export async function findUnitsByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return queryRows<{ id: string; code: string; type: string; path: string; status: string }>(
    db,
    sql`select id, code, type, path::text as path, status from org_units where lower(code) in (select lower(c) from ${jsonList(codes)} as t(c))`,
  );
}

export async function findAreasInCommunes(db: Executor, communeIds: string[]) {
  if (communeIds.length === 0) return [];
  return queryRows<{ id: string; communeUnitId: string; name: string }>(
    db,
    sql`select id, commune_unit_id as "communeUnitId", name from residential_areas where commune_unit_id in ${jsonList(communeIds, 'uuid')}`,
  );
}

/** Existing members with these card numbers, and whether the actor may write each (scope as SQL). */
export async function findMembersByCards(db: Executor, cards: string[], writeScope: SQL) {
  if (cards.length === 0) return [];
  return db
    .select({
      cardNumber: members.cardNumber,
      citizenId: members.citizenId,
      writable: sql<boolean>`coalesce(${writeScope}, false)`,
    })
    .from(members)
    .where(sql`${members.cardNumber} in ${jsonList(cards)}`);
}

export async function findMembersByCitizenIds(db: Executor, citizenIds: string[]) {
  if (citizenIds.length === 0) return [];
  return db
    .select({ cardNumber: members.cardNumber, citizenId: members.citizenId })
    .from(members)
    .where(sql`${members.citizenId} in ${jsonList(citizenIds)}`);
}

export async function insertJob(db: Executor, values: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
  const [row] = await db.insert(importJobs).values(values).returning();
  return row!;
}

/** Multi-row inserts, 1,000 rows a statement (4 parameters each, far below PostgreSQL's 65,535). */
export async function insertRows(
  db: Executor,
  jobId: string,
  rows: { rowNo: number; data: Record<string, string | null>; errors: RowError[] }[],
  chunk = 1000,
) {
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insert(importRows)
      .values(
        rows.slice(i, i + chunk).map((r) => ({ jobId, rowNo: r.rowNo, data: r.data, errors: r.errors })),
      );
  }
}

export async function findJob(db: Executor, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return row;
}

/** The first rows with errors, in file order. */
export async function listRowErrors(db: Executor, jobId: string, limit: number) {
  return db
    .select({ rowNo: importRows.rowNo, errors: importRows.errors })
    .from(importRows)
    .where(and(eq(importRows.jobId, jobId), sql`${importRows.errors} <> '[]'::jsonb`))
    .orderBy(importRows.rowNo)
    .limit(limit);
}

/** Atomic state change: only one caller wins (double-submitted commits, discards racing commits). */
export async function transitionJob(
  db: Executor,
  id: string,
  step: ImportJobTransition,
  set: Omit<Partial<typeof importJobs.$inferInsert>, 'status'>,
) {
  const [row] = await db
    .update(importJobs)
    .set({ ...set, status: step.to })
    .where(and(eq(importJobs.id, id), oneOf(sql`${importJobs.status}`, step.from)))
    .returning();
  return row;
}

export async function updateJob(db: Executor, id: string, set: Partial<typeof importJobs.$inferInsert>) {
  await db.update(importJobs).set(set).where(eq(importJobs.id, id));
}

export async function deleteRows(db: Executor, jobId: string) {
  await db.delete(importRows).where(eq(importRows.jobId, jobId));
}

export async function rowNoRange(db: Executor, jobId: string) {
  const [row] = await db
    .select({
      min: sql<number>`coalesce(min(${importRows.rowNo}), 0)::int`,
      max: sql<number>`coalesce(max(${importRows.rowNo}), -1)::int`,
    })
    .from(importRows)
    .where(eq(importRows.jobId, jobId));
  return row!;
}

export async function countRowsBefore(db: Executor, jobId: string, rowNo: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importRows)
    .where(and(eq(importRows.jobId, jobId), sql`${importRows.rowNo} < ${rowNo}`));
  return row!.n;
}

/** Data keys of the job's rows: every row has the same, fixed by the file's columns. */
export async function dataKeys(db: Executor, jobId: string): Promise<string[]> {
  const [row] = await db
    .select({ data: importRows.data })
    .from(importRows)
    .where(eq(importRows.jobId, jobId))
    .limit(1);
  return row ? Object.keys(row.data) : [];
}

// ---------- set-based commit ----------

/** data key → members column and its type. Only keys present in the file are written. */
const MEMBER_COLUMNS: Record<string, [column: string, type: string]> = {
  fullName: ['full_name', 'text'],
  sex: ['sex', 'sex'],
  dateOfBirth: ['date_of_birth', 'date'],
  cardNumber: ['card_number', 'text'],
  citizenId: ['citizen_id', 'text'],
  phone: ['phone', 'text'],
  email: ['email', 'text'],
  dateAdmitted: ['date_admitted', 'date'],
  dateOfficial: ['date_official', 'date'],
  cellId: ['cell_id', 'uuid'],
  jobTitle: ['job_title', 'text'],
  registeredProvince: ['registered_province', 'text'],
  registeredCommune: ['registered_commune', 'text'],
  registeredArea: ['registered_area', 'text'],
  registeredStreet: ['registered_street', 'text'],
  residenceProvince: ['residence_province', 'text'],
  residenceCommuneId: ['residence_commune_id', 'uuid'],
  residenceAreaId: ['residence_area_id', 'uuid'],
  residenceStreet: ['residence_street', 'text'],
  category: ['category', 'residence_category'],
  categoryReason: ['category_reason', 'text'],
  exemptFrom: ['exempt_from', 'date'],
  exemptTo: ['exempt_to', 'date'],
};

export interface CommitChunkInput {
  jobId: string;
  fromRowNo: number;
  toRowNo: number;
  keys: string[];
  now: Date;
  writeScope: SQL;
  actor: { userId: string; unitId: string | null; requestId: string | null; ip: string | null };
}

/**
 * One chunk of valid rows into members, in one statement: upsert on the card number that only touches a row
 * when an imported column really changes (so a re-import changes nothing and updated_at stays), and one audit
 * entry per inserted or updated member with the changed fields. Returns what happened to each member.
 */
export async function upsertChunk(db: Executor, input: CommitChunkInput) {
  const keys = input.keys.filter((k) => k in MEMBER_COLUMNS);
  const cols = keys.map((k) => MEMBER_COLUMNS[k]![0]);
  const selectList = keys.map((k) => {
    const [column, type] = MEMBER_COLUMNS[k]!;
    return `(r.data->>'${k}')::${type} as ${column}`;
  });
  const updatable = keys.filter((k) => k !== 'cardNumber');
  const setList = updatable.map((k) => `${MEMBER_COLUMNS[k]![0]} = excluded.${MEMBER_COLUMNS[k]![0]}`);
  const distinct = `(${updatable.map((k) => `members.${MEMBER_COLUMNS[k]![0]}`).join(', ')}) is distinct from (${updatable
    .map((k) => `excluded.${MEMBER_COLUMNS[k]![0]}`)
    .join(', ')})`;
  const jsonOf = (alias: string) =>
    `jsonb_build_object(${keys.map((k) => `'${k}', ${alias}.${MEMBER_COLUMNS[k]![0]}`).join(', ')})`;
  const changedOnly = (from: string, other: string) =>
    `coalesce((select jsonb_object_agg(e.key, e.value) from jsonb_each(${from}) e where ${other} -> e.key is distinct from e.value), '{}'::jsonb)`;
  const jobRef = sql`jsonb_build_object('importJobId', ${input.jobId}::text)`;

  const rows = await queryRows<{ id: string; inserted: boolean; cell_changed: boolean }>(
    db,
    sql`
    with src as (
      select ${sql.raw(selectList.join(', '))}
      from import_rows r
      where r.job_id = ${input.jobId} and r.row_no >= ${input.fromRowNo} and r.row_no < ${input.toRowNo} and r.errors = '[]'::jsonb
    ),
    old as (
      select m.id, m.cell_id, ${sql.raw(jsonOf('m'))} as j
      from members m join src on src.card_number = m.card_number
    ),
    up as (
      insert into members (${sql.raw(cols.join(', '))})
      select ${sql.raw(cols.join(', '))} from src
      on conflict (card_number) do update set ${sql.raw(setList.join(', '))}, updated_at = ${input.now.toISOString()}::timestamptz
      where ${sql.raw(distinct)} and ${input.writeScope}
      returning members.id, members.cell_id, (members.xmax = 0) as inserted, ${sql.raw(jsonOf('members'))} as j
    ),
    aud as (
      insert into audit_log (actor_user_id, actor_unit_id, action, entity_type, entity_id, unit_id, before, after, request_id, ip)
      select ${input.actor.userId}::uuid, ${input.actor.unitId}::uuid,
        case when up.inserted then 'member.created' else 'member.updated' end,
        'member', up.id::text, up.cell_id,
        case when up.inserted then null else ${sql.raw(changedOnly('o.j', 'up.j'))} end,
        case when up.inserted then up.j else ${sql.raw(changedOnly('up.j', 'o.j'))} end || ${jobRef},
        ${input.actor.requestId}, ${input.actor.ip}
      from up left join old o on o.id = up.id
      returning 1
    )
    select up.id, up.inserted, (not up.inserted and o.cell_id is distinct from up.cell_id) as cell_changed
    from up left join old o on o.id = up.id
  `,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from import_rows where job_id = ${input.jobId} and row_no >= ${input.fromRowNo} and row_no < ${input.toRowNo} and errors = '[]'::jsonb`,
  );
  return { rows, validInChunk: Number(count?.n ?? 0) };
}

/** Dated party-cell memberships: open one for new members; close the old and open the new when the cell changed. */
export async function moveMemberships(
  db: Executor,
  insertedIds: string[],
  changedIds: string[],
  today: string,
) {
  if (changedIds.length) {
    await db.execute(sql`
      update unit_memberships set valid_to = ${today}::date
      where kind = 'party_cell' and valid_to is null and member_id in ${jsonList(changedIds, 'uuid')}`);
    await db.execute(sql`
      insert into unit_memberships (member_id, unit_id, kind, valid_from)
      select m.id, m.cell_id, 'party_cell', ${today}::date from members m where m.id in ${jsonList(changedIds, 'uuid')}
      on conflict do nothing`);
  }
  if (insertedIds.length) {
    await db.execute(sql`
      insert into unit_memberships (member_id, unit_id, kind, valid_from)
      select m.id, m.cell_id, 'party_cell', coalesce(m.date_official, m.date_admitted, ${today}::date)
      from members m where m.id in ${jsonList(insertedIds, 'uuid')}
      on conflict do nothing`);
  }
}
