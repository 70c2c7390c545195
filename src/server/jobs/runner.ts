import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { jobs as registeredJobs, type JobDefinition, type JobDeps } from './registry';
import * as repo from './jobs.repository';

export const DEFAULT_LEASE_MS = 10 * 60_000;

export interface JobRunner {
  /** this process's name in `job_schedule.locked_by` */
  owner: string;
  /** one round: claims every due job not already running here and runs the ones won; resolves when they end */
  tick(): Promise<string[]>;
  /** stops polling and waits (bounded) for the runs in progress */
  stop(): Promise<void>;
}

export interface RunnerOptions {
  jobs?: JobDefinition[];
  /** how often the schedule is asked what is due (default 5 s) */
  pollMs?: number;
  /** the first round, soon after start (default 1 s) */
  firstPollMs?: number;
  /** poll on a timer; tests drive `tick()` themselves */
  autoStart?: boolean;
  owner?: string;
  onError?: (err: unknown, job: string) => void;
}

/** Runs one claimed tick of `job`, keeping its lease alive meanwhile, and records the outcome. */
export async function runClaimed(
  db: Db,
  job: JobDefinition,
  deps: JobDeps,
  owner: string,
  onError?: (err: unknown, job: string) => void,
) {
  const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
  const heartbeat = setInterval(
    () => void repo.extendLease(db, job.name, leaseMs, owner).catch(() => {}),
    leaseMs / 3,
  );
  heartbeat.unref();
  try {
    const result = await job.run(deps);
    await repo.finishJob(db, job.name, owner, { result });
  } catch (err) {
    onError?.(err, job.name);
    await repo.finishJob(db, job.name, owner, {
      error: String((err as Error)?.message ?? err).slice(0, 2000),
    });
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * The one runner of the periodic jobs (decision 0011). Every server starts one; each tick of each job runs in
 * exactly one of them, the one whose claim moved the job's `next_run_at`. A server that dies mid-run holds
 * the job only until its lease passes. On PGlite (one process) it works the same way.
 */
export function startJobRunner(deps: JobDeps, opts: RunnerOptions = {}): JobRunner {
  const list = opts.jobs ?? registeredJobs;
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  // the jobs' rows, made once (again at the next round if the database was not reachable)
  let ready: Promise<void> | undefined;
  const ensureRows = () =>
    (ready ??= repo
      .ensureJobs(
        deps.db,
        list.map((j) => j.name),
      )
      .catch((err: unknown) => {
        ready = undefined;
        throw err;
      }));

  /** claims and starts every due job not running here; returns the ones won (their runs go on) */
  const round = async (): Promise<string[]> => {
    await ensureRows();
    const won: string[] = [];
    for (const job of list) {
      if (stopped || running.has(job.name)) continue;
      try {
        if (!(await repo.claimJob(deps.db, job.name, job.everyMs, job.leaseMs ?? DEFAULT_LEASE_MS, owner)))
          continue;
      } catch (err) {
        opts.onError?.(err, job.name);
        continue;
      }
      won.push(job.name);
      const run = runClaimed(deps.db, job, deps, owner, opts.onError)
        .catch((err) => opts.onError?.(err, job.name))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }
    return won;
  };
  const tick = async (): Promise<string[]> => {
    const won = await round();
    await Promise.all(won.map((name) => running.get(name)));
    return won;
  };

  const timers: NodeJS.Timeout[] = [];
  if (opts.autoStart !== false) {
    let polling = false;
    const poll = () => {
      if (polling || stopped) return;
      polling = true;
      // A round does not wait for the runs it starts: a long one is skipped by the next rounds, not blocking them.
      void round()
        .catch((err) => opts.onError?.(err, '*'))
        .finally(() => (polling = false));
    };
    const first = setTimeout(poll, opts.firstPollMs ?? 1_000);
    const every = setInterval(poll, opts.pollMs ?? 5_000);
    first.unref();
    every.unref();
    timers.push(first, every);
  }

  return {
    owner,
    tick,
    stop: async () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.race([
        Promise.allSettled([...running.values()]),
        new Promise((r) => setTimeout(r, 10_000).unref()),
      ]);
    },
  };
}
