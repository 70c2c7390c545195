import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Executor } from '../../src/server/db/client';
import { writeAudit } from '../../src/server/modules/audit/audit.service';
import { newMember, newProvinceTree, newUser } from '../fixtures/factories';
import { newLetter, newMeeting } from '../fixtures/domain-factories';
import { verifyAuditChain } from '../../scripts/audit-verify';
import { newScriptDb, runScript, type ScriptDb } from './fixtures/script-db';

/** `npm run db:backup` / `db:restore` (issue 12): back up, lose everything, restore, and find it all again. */

let target: ScriptDb;
let file: string;

/** Every table's row count, by name. */
async function tableCounts(db: Executor): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t.name] = (
      await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${t.name}"`))
    )[0]!.n;
  return counts;
}

const auditLog = (db: Executor) =>
  queryRows<Record<string, unknown>>(db, sql`select * from audit_log order by chain_seq`);

beforeAll(async () => {
  target = await newScriptDb();
  const db = target.db();
  const z = await newProvinceTree(db, 'B');
  const members = [];
  for (let i = 0; i < 5; i++)
    members.push(await newMember(db, { cellId: z.workplaceCell.id, residenceCommuneId: z.commune.id }));
  await newUser(db, {
    username: 'officer',
    grants: [{ role: 'committee_officer', unitId: z.commune.id, position: 'staff' }],
  });
  for (const m of members.slice(0, 3))
    await newLetter(db, { memberId: m.id, issuingUnitId: z.workplace.id, receivingCommuneId: z.commune.id });
  await newMeeting(db, { cellId: z.residentialCell.id, startsAt: new Date('2026-10-01T07:00:00Z') });
  for (let i = 0; i < 10; i++)
    await writeAudit(db, null, {
      action: 'member.update',
      entityType: 'member',
      entityId: members[i % 5]!.id,
      after: { note: `Thay đổi ${i}` },
    });
  file = path.join(target.dataDir, 'backup', `test.${process.env.TEST_DATABASE_URL ? 'dump' : 'tar.gz'}`);
}, 120_000);

afterAll(async () => {
  await target.dispose();
});

describe('backup and restore', () => {
  it('bring back every table and the whole audit log, its chain intact', { timeout: 120_000 }, async () => {
    const before = await tableCounts(target.db());
    const log = await auditLog(target.db());
    expect(before.members).toBe(5);
    expect(log.length).toBeGreaterThanOrEqual(10);
    await target.release();

    const backup = await runScript('scripts/db-backup.ts', [file], target.env);
    expect(backup.out).toContain('Backup written');
    expect(backup.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    await target.wipe();
    const restore = await runScript('scripts/db-restore.ts', [file], target.env);
    expect(restore.out).toContain('Restored');
    expect(restore.code).toBe(0);

    await target.open();
    expect(await tableCounts(target.db())).toEqual(before);
    expect(await auditLog(target.db())).toEqual(log);
    expect(await verifyAuditChain(target.db())).toEqual({ entries: log.length, problems: [] });
    // The chain goes on after the restore.
    await writeAudit(target.db(), null, {
      action: 'member.update',
      entityType: 'member',
      entityId: 'after-restore',
    });
    expect((await verifyAuditChain(target.db())).problems).toEqual([]);
  });

  it.skipIf(!!process.env.TEST_DATABASE_URL)(
    'refuse to restore over a data directory a running server holds (PGlite)',
    { timeout: 60_000 },
    async () => {
      await target.release();
      const lock = path.join(target.dataDir, 'server.pid');
      // This test process plays the running server.
      writeFileSync(lock, String(process.pid));
      try {
        for (const script of ['scripts/db-restore.ts', 'scripts/db-backup.ts']) {
          const res = await runScript(script, [file], target.env);
          expect(res.out).toContain(`Another Residence Link server (pid ${process.pid})`);
          expect(res.code).toBe(1);
        }
        expect(existsSync(path.join(target.dataDir, 'pglite.restoring'))).toBe(false);
      } finally {
        rmSync(lock, { force: true });
        await target.open();
      }
      expect((await tableCounts(target.db())).members).toBe(5);
    },
  );

  it('refuse a restore without a file', async () => {
    const res = await runScript(
      'scripts/db-restore.ts',
      [path.join(target.dataDir, 'nothing.tar.gz')],
      target.env,
    );
    expect(res.out).toContain('No such backup file');
    expect(res.code).toBe(2);
  });
});
