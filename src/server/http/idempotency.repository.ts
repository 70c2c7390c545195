import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client';

/** Queries of the `Idempotency-Key` header (decision 0012): claim, read, finish, release, purge. */

/** A kept answer replays this long; an older row counts as absent and is purged. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim never finished (the process died mid-request) is taken over after this long. */
export const ABANDONED_CLAIM_MS = 5 * 60 * 1000;

export interface KeptAnswer {
  requestHash: string;
  statusCode: number | null;
  responseBody: { contentType: string; body: string } | null;
}

export interface KeyRef {
  userId: string;
  key: string;
}

/**
 * One statement: a new key is inserted; a row past its 24 h, or a claim abandoned mid-request, is taken over.
 * True when this request now owns the key; false when a live row (finished or in progress) holds it.
 */
export async function claimKey(
  db: Executor,
  ref: KeyRef & { method: string; path: string; requestHash: string },
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const expired = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  const abandoned = new Date(now.getTime() - ABANDONED_CLAIM_MS).toISOString();
  const rows = await queryRows<{ key: string }>(
    db,
    sql`insert into idempotency_keys (user_id, key, method, path, request_hash, created_at)
        values (${ref.userId}, ${ref.key}, ${ref.method}, ${ref.path}, ${ref.requestHash}, ${at}::timestamptz)
        on conflict (user_id, key) do update set method = excluded.method, path = excluded.path,
          request_hash = excluded.request_hash, status_code = null, response_body = null,
          created_at = excluded.created_at, completed_at = null
        where idempotency_keys.created_at < ${expired}::timestamptz
           or (idempotency_keys.completed_at is null and idempotency_keys.created_at < ${abandoned}::timestamptz)
        returning key`,
  );
  return rows.length > 0;
}

/** The live row holding a key (null when released or expired meanwhile). */
export async function findKey(db: Executor, ref: KeyRef, now: Date): Promise<KeptAnswer | null> {
  const expired = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  const [row] = await queryRows<KeptAnswer>(
    db,
    sql`select request_hash as "requestHash", status_code as "statusCode", response_body as "responseBody"
        from idempotency_keys where user_id = ${ref.userId} and key = ${ref.key} and created_at >= ${expired}::timestamptz`,
  );
  return row ?? null;
}

/** Keeps a 2xx answer for replay; the body is kept as the exact text sent (jsonb would reorder its keys). */
export async function finishKey(db: Executor, ref: KeyRef, statusCode: number, contentType: string, body: string, now: Date) {
  await db.execute(
    sql`update idempotency_keys set status_code = ${statusCode},
          response_body = ${JSON.stringify({ contentType, body })}::jsonb, completed_at = ${now.toISOString()}::timestamptz
        where user_id = ${ref.userId} and key = ${ref.key} and completed_at is null`,
  );
}

/** A 4xx/5xx (or an answer that cannot be kept) lets go of the claim: the same key may be sent again. */
export async function releaseKey(db: Executor, ref: KeyRef) {
  await db.execute(sql`delete from idempotency_keys where user_id = ${ref.userId} and key = ${ref.key} and completed_at is null`);
}

/** Deletes the rows past their 24 h (indexed on created_at); returns how many went. */
export async function purgeIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  const expired = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  const rows = await queryRows<{ key: string }>(db, sql`delete from idempotency_keys where created_at < ${expired}::timestamptz returning key`);
  return rows.length;
}
