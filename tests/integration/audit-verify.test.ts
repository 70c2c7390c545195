import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPostgres, queryRows, type Executor } from '../../src/server/db/client';
import { writeAudit } from '../../src/server/modules/audit/audit.service';
import { verifyAuditChain } from '../../scripts/audit-verify';
import { newScriptDb, runScript, type ScriptDb } from './fixtures/script-db';

/** Tamper evidence (issue 12): `npm run audit:verify` names every altered or deleted audit row. */

let target: ScriptDb | undefined;
afterEach(async () => {
  await target?.dispose();
  target = undefined;
});

const entry = (i: number) => ({
  action: 'member.update',
  entityType: 'member',
  entityId: `m-${i}`,
  before: { phone: `090${i}` },
  after: { phone: `091${i}` },
});

async function withEntries(n: number) {
  target = await newScriptDb();
  for (let i = 1; i <= n; i++) await writeAudit(target.db(), null, entry(i));
  return queryRows<{ id: number; chainSeq: number }>(
    target.db(),
    sql`select id::int, chain_seq::int as "chainSeq" from audit_log order by chain_seq`,
  );
}

/** What an attacker with superuser rights does: lift the append-only trigger, change the log, put it back. */
async function tamper(db: Executor, statement: ReturnType<typeof sql>) {
  await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  await db.execute(statement);
  await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
}

async function cli() {
  await target!.release();
  const result = await runScript('scripts/audit-verify.ts', [], target!.env);
  await target!.open();
  return result;
}

describe('audit:verify', () => {
  it('says OK, with the count, for an intact log', { timeout: 60_000 }, async () => {
    const rows = await withEntries(5);
    expect(rows.map((r) => r.chainSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(await verifyAuditChain(target!.db())).toEqual({ entries: 5, problems: [] });
    const { code, out } = await cli();
    expect(out).toContain('Audit log OK: 5 entries in one unbroken chain.');
    expect(code).toBe(0);
  });

  it('names an altered row, and exits 1', { timeout: 60_000 }, async () => {
    const rows = await withEntries(5);
    await tamper(
      target!.db(),
      sql`update audit_log set after = '{"phone": "0999"}' where id = ${rows[2]!.id}`,
    );
    expect((await verifyAuditChain(target!.db())).problems).toEqual([
      { chainSeq: 3, auditId: rows[2]!.id, problem: 'altered' },
    ]);
    const { code, out } = await cli();
    expect(out).toContain(`chain #3 (audit id ${rows[2]!.id}): altered`);
    expect(code).toBe(1);
  });

  it('names a row deleted in the middle and one deleted at the end', async () => {
    const rows = await withEntries(6);
    await tamper(target!.db(), sql`delete from audit_log where id = ${rows[2]!.id}`);
    expect((await verifyAuditChain(target!.db())).problems).toEqual([
      { chainSeq: 3, auditId: null, problem: 'missing' },
    ]);
    await tamper(target!.db(), sql`delete from audit_log where id = ${rows[5]!.id}`);
    expect((await verifyAuditChain(target!.db())).problems).toEqual([
      { chainSeq: 3, auditId: null, problem: 'missing' },
      { chainSeq: 6, auditId: null, problem: 'missing' },
    ]);
  });

  it('names a row written around the chain trigger', async () => {
    await withEntries(2);
    await target!.db().execute(sql`alter table audit_log disable trigger audit_log_chain`);
    await writeAudit(target!.db(), null, entry(9));
    await target!.db().execute(sql`alter table audit_log enable trigger audit_log_chain`);
    const { problems } = await verifyAuditChain(target!.db());
    expect(problems).toEqual([{ chainSeq: null, auditId: expect.any(Number), problem: 'out_of_chain' }]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'keeps one unbroken chain under 10 concurrent writers (PostgreSQL)',
    { timeout: 60_000 },
    async () => {
      await withEntries(1);
      const pool = connectPostgres(target!.env.DATABASE_URL!, 10);
      try {
        await Promise.all(
          Array.from({ length: 10 }, (_, w) =>
            pool.db.transaction(async (tx) => {
              for (let i = 0; i < 20; i++)
                await writeAudit(tx, null, [entry(w * 100 + i), entry(w * 100 + i + 50)]);
            }),
          ),
        );
      } finally {
        await pool.close();
      }
      expect(await verifyAuditChain(target!.db())).toEqual({ entries: 401, problems: [] });
      const seqs = await queryRows<{ min: number; max: number; n: number }>(
        target!.db(),
        sql`select min(chain_seq)::int as min, max(chain_seq)::int as max, count(distinct chain_seq)::int as n from audit_log`,
      );
      expect(seqs).toEqual([{ min: 1, max: 401, n: 401 }]);
    },
  );
});
