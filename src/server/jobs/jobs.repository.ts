import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client';

/** The shared schedule of the periodic jobs (`job_schedule`, decision 0011): claims, leases and last runs. */

export interface JobRow {
  name: string;
  nextRunAt: string;
  lockedUntil: string | null;
  lockedBy: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastError: string | null;
  lastResult: unknown;
  runs: number;
}

const secs = (ms: number) => ms / 1000;

/** A row per job, due at once when new; an existing row keeps its schedule. */
export async function ensureJobs(db: Executor, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await db.execute(
    sql`insert into job_schedule (name) select unnest(${`{${names.join(',')}}`}::text[]) on conflict (name) do nothing`,
  );
}

/**
 * Takes the job's current tick for `owner`, in one conditional statement: only when the tick is due and no
 * live lease holds it. Two servers asking at once both run the statement; the row lock makes the second see
 * the first's new `next_run_at` and match nothing. Returns whether this caller won the tick.
 */
export async function claimJob(
  db: Executor,
  name: string,
  everyMs: number,
  leaseMs: number,
  owner: string,
): Promise<boolean> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`update job_schedule set next_run_at = now() + make_interval(secs => ${secs(everyMs)}),
          locked_until = now() + make_interval(secs => ${secs(leaseMs)}), locked_by = ${owner},
          last_started_at = now(), runs = runs + 1
        where name = ${name} and next_run_at <= now() and (locked_until is null or locked_until < now())
        returning name`,
  );
  return rows.length === 1;
}

/** Keeps a long run's lease alive; false when the lease was lost (it expired and another server took it). */
export async function extendLease(
  db: Executor,
  name: string,
  leaseMs: number,
  owner: string,
): Promise<boolean> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`update job_schedule set locked_until = now() + make_interval(secs => ${secs(leaseMs)})
        where name = ${name} and locked_by = ${owner} returning name`,
  );
  return rows.length === 1;
}

/** Records the run's outcome and lets go of the job, unless another server has taken it over since. */
export async function finishJob(
  db: Executor,
  name: string,
  owner: string,
  outcome: { result?: unknown; error?: string },
): Promise<void> {
  const result = outcome.result === undefined ? null : JSON.stringify(outcome.result);
  await db.execute(
    sql`update job_schedule set locked_until = null, locked_by = null, last_finished_at = now(),
          last_result = ${result}::jsonb, last_error = ${outcome.error ?? null}
        where name = ${name} and locked_by = ${owner}`,
  );
}

export async function listJobs(db: Executor): Promise<JobRow[]> {
  return queryRows<JobRow>(
    db,
    sql`select name, next_run_at as "nextRunAt", locked_until as "lockedUntil", locked_by as "lockedBy",
          last_started_at as "lastStartedAt", last_finished_at as "lastFinishedAt", last_error as "lastError",
          last_result as "lastResult", runs::int as runs
        from job_schedule order by name`,
  );
}
