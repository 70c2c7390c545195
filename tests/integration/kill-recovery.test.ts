import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, queryRows, type Database } from '../../src/server/db/client';
import { verifyAuditChain } from '../../scripts/audit-verify';
import { buildTestApp, loginAs, type Session, type TestApp } from '../fixtures/app';
import { newProvinceTree, newUser } from '../fixtures/factories';
import { TEMPLATE_DB, withDatabase } from '../fixtures/test-db';
import { startRealServer, SESSION_SECRET, type RealServer } from './fixtures/real-server';

/**
 * Crash safety (issue 12): the real server is killed (-9) in the middle of a 5,000-letter batch and of a
 * 5,000-form batch confirm. After the restart each batch is all or nothing, the audit chain verifies, and
 * the outbox sends every mail once. PostgreSQL only (the server and the test share the database).
 */

const url = process.env.TEST_DATABASE_URL;
const N = 5000;
const MAILS = 15;
const name = `rl_test_kill_${randomBytes(4).toString('hex')}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rl-kill-'));
let database: Database;
let t: TestApp;
let server: RealServer | undefined;
let z: Awaited<ReturnType<typeof newProvinceTree>>;
let s: Record<'signer' | 'commune', Session>;

async function admin(query: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(query);
  await c.end();
}
const one = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(database.db, query))[0]!.n;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until a server connection holds a write lock on `table` (its transaction is in the middle of the step), or none does. */
async function waitForWriteTo(table: string, present = true) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const n = await one(sql`select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
      join pg_stat_activity a on a.pid = l.pid
      where c.relname = ${table} and l.mode = 'RowExclusiveLock' and a.datname = current_database() and a.pid <> pg_backend_pid()`);
    if (n > 0 === present) return;
    if (Date.now() > deadline) throw new Error(`no write to ${table} seen (${present})`);
    await sleep(10);
  }
}

/** Sends the step, kills the server once its transaction writes, and waits for PostgreSQL to roll it back. */
async function killDuring(path: string, who: Session, body: unknown, table: string) {
  const request = fetch(`${server!.baseUrl}${path}`, {
    method: 'POST',
    headers: { ...who.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(
    (r) => `answered ${r.status}`,
    () => 'connection lost',
  );
  await waitForWriteTo(table);
  await server!.kill9();
  expect(await request).toBe('connection lost');
  await waitForWriteTo(table, false);
}

async function post(path: string, who: Session, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${server!.baseUrl}${path}`, {
    method: 'POST',
    headers: { ...who.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

async function restart() {
  server = await startRealServer({ databaseUrl: withDatabase(url!, name), dataDir });
}

async function expectChainIntact() {
  expect((await verifyAuditChain(database.db)).problems).toEqual([]);
}

describe.skipIf(!url)('kill -9 in the middle of a batch', () => {
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    database = connectPostgres(withDatabase(url!, name), 5);
    const db = database.db;
    z = await newProvinceTree(db, 'K');
    // 5,000 working members of one workplace cell living in one commune, each with a signed yearly form.
    await db.execute(sql`
      with m as (
        insert into members (full_name, sex, date_of_birth, card_number, cell_id, residence_commune_id, residence_area_id,
          date_admitted, date_official)
        select 'Đảng viên Số ' || i, 'male', date '1980-01-01' + i % 7000, '77' || lpad(i::text, 6, '0'),
          ${z.workplaceCell.id}::uuid, ${z.commune.id}::uuid, ${z.area.id}::uuid, date '2010-03-01', date '2011-03-01'
        from generate_series(1, ${N}) i returning id, cell_id),
      ms as (insert into unit_memberships (member_id, unit_id, kind, valid_from) select id, cell_id, 'party_cell', date '2011-03-01' from m),
      e as (
        insert into evaluations (member_id, year, kind, rule_set_code, form_kind, workplace_unit_id, commune_id, cell_id, due_date, status, signed_at)
        select id, 2026, 'yearly', 'reg-213-2020', 'full', ${z.workplace.id}::uuid, ${z.commune.id}::uuid, ${z.residentialCell.id}::uuid,
          date '2026-12-15', 'signed', now() from m returning id)
      insert into evaluation_versions (evaluation_id, version) select id, 1 from e`);
    await newUser(db, {
      username: 'signer',
      grants: [{ role: 'committee_officer', unitId: z.workplace.id, position: 'secretary' }],
    });
    await newUser(db, {
      username: 'commune',
      email: 'phuong.k@example.vn',
      grants: [{ role: 'committee_officer', unitId: z.commune.id, position: 'staff' }],
    });
    await db.execute(sql`insert into email_outbox (to_address, subject, body_text)
      select 'test' || i || '@example.vn', 'outbox-check-' || i, 'Kiểm tra' from generate_series(1, ${MAILS}) i`);
    // Sessions made in-process (through every login step) are valid on the real server: same database, same secret.
    t = await buildTestApp(database, { sessionSecret: SESSION_SECRET });
    t.clock.set(new Date()); // the real server checks the sessions' expiry on its own clock
    s = { signer: await loginAs(t.app, 'signer'), commune: await loginAs(t.app, 'commune') };
    await restart();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await t?.app.close();
    await database?.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'issues all the letters of a batch or none, and the batch goes through after the restart',
    { timeout: 60_000 },
    async () => {
      const drafted = await post('/api/introductions/letters', s.signer, { unitId: z.workplaceCell.id });
      expect(drafted.created).toBe(N);
      const letterIds = drafted.letterIds as string[];
      // Killed while numbering (no job touches the counters): the transaction is under way.
      await killDuring('/api/introductions/letters/issue', s.signer, { letterIds }, 'letter_counters');
      // It died with the process: every letter is still a draft, with no number and no trace of the issue.
      expect(
        await queryRows(
          database.db,
          sql`select status::text, count(number)::int as numbered, count(*)::int as n from introduction_letters group by 1`,
        ),
      ).toEqual([{ status: 'draft', numbered: 0, n: N }]);
      expect(
        await one(sql`select count(*)::int as n from audit_log where action = 'introduction.issue'`),
      ).toBe(0);
      expect(await one(sql`select coalesce(sum(last_number), 0)::int as n from letter_counters`)).toBe(0);

      await restart();
      await expectChainIntact();
      expect((await post('/api/introductions/letters/issue', s.signer, { letterIds })).changed).toBe(N);
      expect(
        await one(
          sql`select count(distinct number)::int as n from introduction_letters where status = 'issued'`,
        ),
      ).toBe(N);
      expect(
        await one(sql`select count(*)::int as n from introduction_letters l where not exists
        (select 1 from audit_log a where a.action = 'introduction.issue' and a.entity_id = l.id::text)`),
      ).toBe(0);
      await expectChainIntact();
    },
  );

  it(
    'confirms all the forms or none, and sends every mail once across the crashes',
    { timeout: 60_000 },
    async () => {
      if (server!.child.exitCode !== null || server!.child.signalCode !== null) await restart();
      const ids = (
        await queryRows<{ id: string }>(database.db, sql`select id from evaluations order by id`)
      ).map((r) => r.id);
      await killDuring('/api/evaluations/confirm', s.commune, { evaluationIds: ids }, 'evaluation_versions');
      expect(
        await queryRows(
          database.db,
          sql`select status::text, count(*)::int as n from evaluations group by 1`,
        ),
      ).toEqual([{ status: 'signed', n: N }]);
      expect(
        await one(sql`select count(*)::int as n from evaluation_versions where confirmed_at is not null`),
      ).toBe(0);
      expect(
        await one(sql`select count(*)::int as n from audit_log where action = 'evaluation.confirm'`),
      ).toBe(0);

      await restart();
      await expectChainIntact();
      // Every mail waiting (the check mails, the letters' notices) goes out after the restart, each once.
      const deadline = Date.now() + 30_000;
      while ((await one(sql`select count(*)::int as n from email_outbox where status <> 'sent'`)) > 0) {
        if (Date.now() > deadline) throw new Error(`outbox not drained:\n${server!.output()}`);
        await sleep(250);
      }
      const outbox = await queryRows<{ subject: string; attempts: number }>(
        database.db,
        sql`select subject, attempts from email_outbox`,
      );
      expect(outbox.length).toBeGreaterThan(MAILS);
      expect(outbox.every((r) => r.attempts === 1)).toBe(true);
      const files = readdirSync(path.join(dataDir, 'mail')).map((f) =>
        readFileSync(path.join(dataDir, 'mail', f), 'utf8'),
      );
      expect(files).toHaveLength(outbox.length);
      for (let i = 1; i <= MAILS; i++)
        expect(files.filter((f) => f.includes(`Subject: outbox-check-${i}\n`))).toHaveLength(1);
    },
  );
});
