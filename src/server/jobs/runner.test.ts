import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase } from '../../../tests/fixtures/test-db';
import { testClock } from '../../../tests/fixtures/app';
import type { JobDefinition } from './registry';
import { jobs as registered } from './registry';
import * as repo from './jobs.repository';
import { startJobRunner } from './runner';

/** The claim of a job's tick in `job_schedule` (decision 0011), on PGlite and PostgreSQL. */

let database: Database;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const row = async (name: string) => (await repo.listJobs(database.db)).find((j) => j.name === name)!;
const deps = () => ({ db: database.db, clock: testClock(), overdueDays: 15 });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('claiming a tick', () => {
  it('is won by one owner only, and not again before the interval', async () => {
    await repo.ensureJobs(database.db, ['t.once']);
    expect(await repo.claimJob(database.db, 't.once', 3_600_000, 60_000, 'a')).toBe(true);
    expect(await repo.claimJob(database.db, 't.once', 3_600_000, 60_000, 'b')).toBe(false);
    const held = await row('t.once');
    expect(held.lockedBy).toBe('a');
    expect(held.runs).toBe(1);
    await repo.finishJob(database.db, 't.once', 'a', { result: { sent: 3 } });
    // Finished, but the next tick is an hour away.
    expect(await repo.claimJob(database.db, 't.once', 3_600_000, 60_000, 'b')).toBe(false);
    const done = await row('t.once');
    expect(done).toMatchObject({
      lockedBy: null,
      lockedUntil: null,
      lastResult: { sent: 3 },
      lastError: null,
      runs: 1,
    });
    expect(new Date(done.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it('is taken over when the holder died and its lease passed', async () => {
    await repo.ensureJobs(database.db, ['t.lease']);
    // interval 0: due again at once, so only the lease stands in the way
    expect(await repo.claimJob(database.db, 't.lease', 0, 300, 'crashed')).toBe(true);
    expect(await repo.claimJob(database.db, 't.lease', 0, 300, 'b')).toBe(false);
    await sleep(400);
    expect(await repo.claimJob(database.db, 't.lease', 0, 300, 'b')).toBe(true);
    expect((await row('t.lease')).lockedBy).toBe('b');
    // The dead holder's late finish changes nothing; it cannot extend a lease it lost either.
    await repo.finishJob(database.db, 't.lease', 'crashed', { result: 'late' });
    expect(await repo.extendLease(database.db, 't.lease', 300, 'crashed')).toBe(false);
    expect(await row('t.lease')).toMatchObject({ lockedBy: 'b', lastResult: null, runs: 2 });
  });
});

describe('the runner', () => {
  it('records a failing run’s error, lets go of the job and keeps the other jobs running', async () => {
    let ok = 0;
    const jobs: JobDefinition[] = [
      { name: 't.fails', everyMs: 0, run: async () => Promise.reject(new Error('SMTP down')) },
      { name: 't.works', everyMs: 0, run: async () => ({ done: ++ok }) },
    ];
    const errors: string[] = [];
    const runner = startJobRunner(deps(), {
      jobs,
      autoStart: false,
      owner: 'r1',
      onError: (_e, job) => errors.push(job),
    });
    expect((await runner.tick()).sort()).toEqual(['t.fails', 't.works']);
    expect(await row('t.fails')).toMatchObject({
      lastError: 'SMTP down',
      lastResult: null,
      lockedBy: null,
      runs: 1,
    });
    expect(await row('t.works')).toMatchObject({ lastError: null, lastResult: { done: 1 }, lockedBy: null });
    expect(errors).toEqual(['t.fails']);
    // The failure does not hold the job: the next tick runs it again.
    expect((await runner.tick()).sort()).toEqual(['t.fails', 't.works']);
    expect((await row('t.fails')).runs).toBe(2);
    await runner.stop();
    expect(await runner.tick()).toEqual([]);
  });

  it('does not start a job again while its run is in progress here, and stop waits for it', async () => {
    let release = () => {};
    let started = 0;
    const jobs: JobDefinition[] = [
      { name: 't.slow', everyMs: 0, run: () => (started++, new Promise<void>((r) => (release = r))) },
    ];
    const runner = startJobRunner(deps(), { jobs, autoStart: false, owner: 'r2' });
    const first = runner.tick();
    await sleep(200);
    expect(started).toBe(1);
    // A second process sees the live lease.
    const other = startJobRunner(deps(), { jobs, autoStart: false, owner: 'r3' });
    expect(await other.tick()).toEqual([]);
    const stopping = runner.stop();
    release();
    await stopping;
    expect(await first).toEqual(['t.slow']);
    expect((await row('t.slow')).lockedBy).toBeNull();
    await other.stop();
  });

  it('registers every job of the server under a distinct name', async () => {
    const names = registered.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'letters.overdue-reminders',
        'meetings.reminders',
        'meetings.missed-half-years',
        'warnings.escalation',
        'evaluations.overdue',
        'reports.figures',
      ]),
    );
  });
});
