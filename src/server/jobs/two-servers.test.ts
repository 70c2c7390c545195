import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, queryRows, type Database } from '../db/client';
import { TEMPLATE_DB, withDatabase } from '../../../tests/fixtures/test-db';
import { testClock } from '../../../tests/fixtures/app';
import { newMember, newProvinceTree, newUser } from '../../../tests/fixtures/factories';
import { newEvaluation, newLetter, newMeeting, newWarning } from '../../../tests/fixtures/domain-factories';
import { jobs } from './registry';
import { startJobRunner, type JobRunner } from './runner';

/**
 * Two servers on one PostgreSQL (issue 12): both run every job at the same moments, round after round, and each
 * reminder and notice still goes out exactly once, each tick run by one of them. PostgreSQL only: PGlite is one
 * process by design.
 */

const url = process.env.TEST_DATABASE_URL;
const ROUNDS = 8;
const name = `rl_test_jobs_${randomBytes(4).toString('hex')}`;
let servers: Database[] = [];
let runners: JobRunner[] = [];

async function admin(query: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(query);
  await c.end();
}

describe.skipIf(!url)('two servers on one PostgreSQL', () => {
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    servers = [connectPostgres(withDatabase(url!, name), 5), connectPostgres(withDatabase(url!, name), 5)];
    const db = servers[0]!.db;
    const z = await newProvinceTree(db, 'J');
    await db.execute(sql`update org_units set valid_from = '2020-01-01'`);
    const member = await newMember(db, {
      cellId: z.workplaceCell.id,
      residenceCommuneId: z.commune.id,
      residenceCellId: z.residentialCell.id,
    });
    await newUser(db, {
      username: 'commune',
      email: 'commune@example.vn',
      grants: [{ role: 'committee_officer', unitId: z.commune.id, position: 'staff' }],
    });
    await newUser(db, {
      username: 'workplace',
      email: 'workplace@example.vn',
      grants: [{ role: 'committee_officer', unitId: z.workplace.id, position: 'staff' }],
    });
    await newUser(db, {
      username: 'member',
      email: 'member@example.vn',
      memberId: member.id,
      grants: [{ role: 'member' }],
    });
    // One of each: an overdue letter, a meeting in two days, a cell without meetings in the last half-year,
    // a warning past its deadline, an evaluation past its due date.
    await newLetter(db, {
      memberId: member.id,
      issuingUnitId: z.workplace.id,
      receivingCommuneId: z.commune.id,
      issuedAt: new Date('2026-10-01T02:00:00Z'),
    });
    await newMeeting(db, {
      cellId: z.residentialCell.id,
      status: 'scheduled',
      startsAt: new Date('2026-11-25T07:00:00Z'),
      attendance: [{ memberId: member.id, status: 'unrecorded' }],
    });
    await newWarning(db, { memberId: member.id, cellId: z.residentialCell.id, deadline: '2026-11-01' });
    await newEvaluation(db, {
      memberId: member.id,
      workplaceUnitId: z.workplace.id,
      communeId: z.commune.id,
      dueDate: '2026-11-01',
    });
  });

  afterAll(async () => {
    for (const r of runners) await r.stop();
    for (const s of servers) await s.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('run every tick once and send each notice once', { timeout: 60_000 }, async () => {
    const clock = testClock();
    runners = servers.map((s, i) =>
      startJobRunner({ db: s.db, clock, overdueDays: 15 }, { autoStart: false, owner: `server-${i}` }),
    );
    const won: string[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Every job due now, in both servers at once.
      await servers[0]!.db.execute(sql`update job_schedule set next_run_at = now() - interval '1 second'`);
      const [a, b] = await Promise.all(runners.map((r) => r.tick()));
      won.push([...a!, ...b!].sort());
      // Each job ran in exactly one of the two servers this round.
      expect(won[round]).toEqual(jobs.map((j) => j.name).sort());
    }
    const schedule = await queryRows<{
      name: string;
      runs: number;
      lastError: string | null;
      lockedBy: string | null;
    }>(
      servers[1]!.db,
      sql`select name, runs::int as runs, last_error as "lastError", locked_by as "lockedBy" from job_schedule order by name`,
    );
    expect(schedule.every((j) => j.runs === ROUNDS && j.lastError === null && j.lockedBy === null)).toBe(
      true,
    );

    const notices = await queryRows<{ username: string; kind: string; n: number }>(
      servers[0]!.db,
      sql`select u.username, n.kind, count(*)::int as n from notifications n join users u on u.id = n.user_id
          group by u.username, n.kind order by u.username, n.kind`,
    );
    expect(notices).toEqual([
      { username: 'commune', kind: 'evaluation_overdue', n: 1 },
      { username: 'commune', kind: 'half_year_missed', n: 1 },
      { username: 'commune', kind: 'letters_overdue', n: 1 },
      { username: 'member', kind: 'meeting_reminder', n: 1 },
      { username: 'workplace', kind: 'warning_escalated', n: 1 },
    ]);
    const mails = await queryRows<{ to: string; n: number }>(
      servers[0]!.db,
      sql`select to_address as to, count(*)::int as n from email_outbox group by to_address order by to_address`,
    );
    expect(mails).toEqual([
      { to: 'commune@example.vn', n: 3 },
      { to: 'member@example.vn', n: 1 },
      { to: 'workplace@example.vn', n: 1 },
    ]);
  });
});
