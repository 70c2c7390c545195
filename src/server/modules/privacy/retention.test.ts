import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retentionResultSchema } from '../../../shared/contracts/privacy';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/client';
import { members, unitMemberships, users } from '../../db/schema';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { applyRetention, initials, RETENTION_YEARS, retentionCutoff } from './retention';
import { passSecondFactor } from './testing';

let database: Database;
let t: TestApp;
let now: Date;
let expelledLongAgo: { id: string };
let deceasedRecently: { id: string };
let leftLongAgoByAudit: { id: string };
let active: { id: string };
let expelledCell: string;

const yearsAgo = (n: number, plusDays = 0) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - n);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d;
};
const auditCount = async (memberId: string) =>
  (
    await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where entity_type = 'member' and entity_id = ${memberId}`,
    )
  )[0]!.n;

// Each test on a fresh database: retention acts on every member, so no test may count on another's run.
beforeEach(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  now = t.clock.now();
  const db = database.db;
  const a = await newProvinceTree(db, 'A');
  const ended = async (fullName: string, status: 'expelled' | 'deceased' | 'left', endedAt: Date | null) => {
    const m = await newMember(db, {
      fullName,
      status,
      cellId: a.residentialCell.id,
      residenceCommuneId: a.commune.id,
      phone: '0912345678',
      email: `${status}@example.vn`,
      citizenId: `0010${Math.floor(Math.random() * 1e8)}`,
      residenceStreet: 'Số 5 ngõ 12',
    });
    if (endedAt)
      await db
        .update(unitMemberships)
        .set({ validTo: endedAt.toISOString().slice(0, 10) })
        .where(eq(unitMemberships.memberId, m.id));
    return m;
  };
  // ended N+1 years ago (end of the last membership), and N-1 years ago
  expelledLongAgo = await ended('Nguyễn Văn Khai', 'expelled', yearsAgo(RETENTION_YEARS + 1));
  deceasedRecently = await ended('Trần Thị Mai', 'deceased', yearsAgo(RETENTION_YEARS - 1));
  // membership still open in the register, but the audit log says when the status was set
  leftLongAgoByAudit = await ended('Lê Văn Đức', 'left', null);
  await db.execute(sql`insert into audit_log (at, action, entity_type, entity_id, after)
    values (${yearsAgo(RETENTION_YEARS, -10).toISOString()}, 'member.updated', 'member', ${leftLongAgoByAudit.id}, '{"status":"left"}')`);
  expelledCell = a.residentialCell.id;
  active = await newMember(db, { fullName: 'Phạm Văn Bình', cellId: a.residentialCell.id });
  await db
    .update(unitMemberships)
    .set({ validTo: yearsAgo(10).toISOString().slice(0, 10) })
    .where(eq(unitMemberships.memberId, active.id));
  await newUser(db, {
    username: 'khai',
    displayName: 'Nguyễn Văn Khai',
    email: 'khai@example.vn',
    memberId: expelledLongAgo.id,
    grants: [{ role: 'member' }],
  });
  await newUser(db, {
    username: 'admin',
    displayName: 'Quản trị',
    grants: [{ role: 'admin', unitId: a.province.id }],
  });
  await newUser(db, {
    username: 'officer',
    displayName: 'Cán bộ',
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'staff' }],
  });
  await db.execute(
    sql`insert into audit_log (action, entity_type, entity_id) values ('member.created', 'member', ${expelledLongAgo.id})`,
  );
});

afterEach(async () => {
  await t.app.close();
  await database.close();
});

describe('the rule', () => {
  it('initials keep a row legible, not a person', () => {
    expect(initials('Nguyễn Văn An')).toBe('N. V. A.');
    expect(initials('  Đỗ   thị ánh ')).toBe('Đ. T. Á.');
  });
  it('keeps N years on the Vietnamese calendar (29 February falls back to the 28th)', () => {
    expect(retentionCutoff(new Date('2026-11-23T08:00:00Z'))).toBe(`${2026 - RETENTION_YEARS}-11-23`);
    expect(retentionCutoff(new Date('2028-02-28T18:00:00Z'))).toBe(`${2028 - RETENTION_YEARS}-02-28`);
  });
});

describe('applyRetention', () => {
  it('a dry run counts the due members and changes nothing', async () => {
    const r = await applyRetention(database.db, now, { dryRun: true });
    expect(r).toMatchObject({ dryRun: true, count: 2 });
    const [m] = await database.db.select().from(members).where(eq(members.id, expelledLongAgo.id));
    expect(m!.fullName).toBe('Nguyễn Văn Khai');
  });

  it('anonymises a member ended N+1 years ago (and one the audit log dates), not one ended N-1 years ago; audit kept', async () => {
    const auditBefore = await auditCount(expelledLongAgo.id);
    const r = await applyRetention(database.db, now);
    expect(r.count).toBe(2);
    const rows = await database.db.select().from(members);
    const byId = new Map(rows.map((m) => [m.id, m]));
    const gone = byId.get(expelledLongAgo.id)!;
    expect(gone).toMatchObject({
      fullName: 'N. V. K.',
      phone: null,
      email: null,
      citizenId: null,
      residenceStreet: null,
      dateOfBirth: '1985-01-01',
      status: 'expelled',
    });
    expect(gone.cardNumber).toBe(`ANON-${gone.id}`);
    expect(byId.get(leftLongAgoByAudit.id)!.fullName).toBe('L. V. Đ.');
    expect(byId.get(deceasedRecently.id)!).toMatchObject({ fullName: 'Trần Thị Mai', phone: '0912345678' });
    expect(byId.get(active.id)!.fullName).toBe('Phạm Văn Bình');
    const [account] = await database.db.select().from(users).where(eq(users.memberId, expelledLongAgo.id));
    expect(account).toMatchObject({
      isActive: false,
      email: null,
      displayName: 'N. V. K.',
      username: `anon-${account!.id}`,
    });
    // the audit trail stays, with one more entry saying what happened
    expect(await auditCount(expelledLongAgo.id)).toBe(auditBefore + 1);
    const [entry] = await queryRows<{ after: { rule: string } }>(
      database.db,
      sql`select after from audit_log where action = 'member.anonymised' and entity_id = ${expelledLongAgo.id}`,
    );
    expect(entry!.after.rule).toBe(`retention-${RETENTION_YEARS}y`);
  });

  it('runs again without doing anything twice', async () => {
    expect((await applyRetention(database.db, now)).count).toBe(2);
    expect((await applyRetention(database.db, now)).count).toBe(0);
  });
});

describe('POST /api/admin/retention', () => {
  let admin: Session;
  let officer: Session;
  beforeEach(async () => {
    admin = await loginAs(t.app, 'admin');
    officer = await loginAs(t.app, 'officer');
    await passSecondFactor(database, ['admin', 'officer']);
  });

  it('admins get the dry-run count; anyone else 404', async () => {
    const late = await newMember(database.db, {
      fullName: 'Võ Văn Tâm',
      status: 'removed',
      cellId: expelledCell,
    });
    await database.db
      .update(unitMemberships)
      .set({
        validTo: yearsAgo(RETENTION_YEARS + 2)
          .toISOString()
          .slice(0, 10),
      })
      .where(eq(unitMemberships.memberId, late.id));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/retention',
      headers: admin.headers,
      payload: { dryRun: true },
    });
    expect(res.statusCode).toBe(200);
    // the two of the setup and the one ended N+2 years ago
    expect(retentionResultSchema.parse(res.json())).toMatchObject({ dryRun: true, count: 3 });
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/admin/retention',
      headers: officer.headers,
      payload: { dryRun: true },
    });
    expect(denied.statusCode).toBe(404);
    const [m] = await database.db.select().from(members).where(eq(members.id, late.id));
    expect(m!.fullName).toBe('Võ Văn Tâm');
  });
});
