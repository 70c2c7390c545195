import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobListSchema, jobPaths } from '../../shared/contracts/jobs';
import type { Database } from '../db/client';
import { createTestDatabase } from '../../../tests/fixtures/test-db';
import { buildTestApp, loginAs, type TestApp } from '../../../tests/fixtures/app';
import { newProvinceTree, newUser } from '../../../tests/fixtures/factories';
import { jobs } from './registry';
import { startJobRunner } from './runner';

/** GET /api/admin/jobs: administrators see every job with its last run; nobody else does. */

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const z = await newProvinceTree(database.db, 'R');
  await newUser(database.db, { username: 'admin', grants: [{ role: 'admin' }] });
  await newUser(database.db, {
    username: 'officer',
    grants: [{ role: 'committee_officer', unitId: z.province.id, position: 'secretary' }],
  });
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('the jobs list', () => {
  it('lists every registered job, never run yet, then with its last run', async () => {
    const admin = await loginAs(t.app, 'admin');
    const get = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: jobPaths.list,
        headers: { cookie: admin.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return jobListSchema.parse(res.json()).items;
    };
    const before = await get();
    expect(before.map((j) => j.name)).toEqual(jobs.map((j) => j.name));
    expect(before.every((j) => j.runs === 0 && j.lastFinishedAt === null && !j.running)).toBe(true);

    const runner = startJobRunner(
      { db: database.db, clock: t.clock, overdueDays: 15 },
      { autoStart: false, owner: 'test' },
    );
    expect((await runner.tick()).sort()).toEqual(jobs.map((j) => j.name).sort());
    await runner.stop();
    const after = await get();
    const letters = after.find((j) => j.name === 'letters.overdue-reminders')!;
    expect(letters).toMatchObject({
      runs: 1,
      running: false,
      lockedBy: null,
      lastError: null,
      lastResult: { letters: 0, communes: 0 },
      everyMs: 3_600_000,
    });
    expect(new Date(letters.nextRunAt!).getTime()).toBeGreaterThan(Date.now());
    expect(after.every((j) => j.lastFinishedAt !== null)).toBe(true);
  });

  it('is refused to anyone but an administrator', async () => {
    const officer = await loginAs(t.app, 'officer');
    expect(
      (await t.app.inject({ method: 'GET', url: jobPaths.list, headers: { cookie: officer.cookie } }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: jobPaths.list })).statusCode).toBe(401);
  });
});
