import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordReadListSchema } from '../../../shared/contracts/privacy';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { newLetter, newMeeting, newWarning } from '../../../../tests/fixtures/domain-factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { READ_LOG_BATCH, ReadLogWriter } from './read-log';
import { passSecondFactor } from './testing';

let database: Database;
let t: TestApp;
let a: Awaited<ReturnType<typeof newProvinceTree>>;
let an: { id: string };
let binh: { id: string };
let officerUser: { id: string };
let admin: Session;
let adminB: Session;
let officer: Session;
let secretary: Session;
let member: Session;
let binhSession: Session;

const get = (s: Session, url: string, source?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: s.cookie, ...(source ? { 'x-read-source': source } : {}) },
  });
const countAudit = async (action: string) =>
  (
    await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = ${action}`,
    )
  )[0]!.n;

// Each test on a fresh world: reads are logged for everyone, so no test may count on (or be counted by) another's reads.
beforeEach(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  const db = database.db;
  a = await newProvinceTree(db, 'A');
  const b = await newProvinceTree(db, 'B');
  an = await newMember(db, {
    fullName: 'Nguyễn Văn An',
    cardNumber: '40001234',
    cellId: a.workplaceCell.id,
    residenceCommuneId: a.commune.id,
    phone: '0912000111',
  });
  binh = await newMember(db, {
    fullName: 'Trần Thị Bình',
    cardNumber: '40005678',
    cellId: a.residentialCell.id,
    residenceCommuneId: a.commune.id,
  });
  const letter = await newLetter(db, {
    memberId: an.id,
    issuingUnitId: a.workplace.id,
    receivingCommuneId: a.commune.id,
  });
  await newMeeting(db, {
    cellId: a.residentialCell.id,
    startsAt: new Date('2026-06-01T12:00:00Z'),
    attendance: [
      { memberId: an.id, status: 'present' },
      { memberId: binh.id, status: 'absent_unexcused' },
    ],
  });
  await newWarning(db, { memberId: binh.id, cellId: a.residentialCell.id });
  await db.execute(
    sql`insert into audit_log (action, entity_type, entity_id) values ('letter.issued', 'introduction_letter', ${letter.id})`,
  );
  await newUser(db, {
    username: 'admin',
    displayName: 'Quản trị',
    grants: [{ role: 'admin', unitId: a.province.id }],
  });
  await newUser(db, {
    username: 'admin.b',
    displayName: 'Quản trị B',
    grants: [{ role: 'admin', unitId: b.province.id }],
  });
  officerUser = await newUser(db, {
    username: 'officer',
    displayName: 'Cán bộ Xã A',
    grants: [{ role: 'committee_officer', unitId: a.commune.id, position: 'staff' }],
  });
  await newUser(db, {
    username: 'secretary',
    displayName: 'Bí thư Chi bộ',
    grants: [{ role: 'cell_secretary', unitId: a.residentialCell.id }],
  });
  await newUser(db, {
    username: 'an',
    displayName: 'An',
    memberId: an.id,
    email: 'an@example.vn',
    grants: [{ role: 'member' }],
  });
  await newUser(db, {
    username: 'binh',
    displayName: 'Bình',
    memberId: binh.id,
    grants: [{ role: 'member' }],
  });
  [admin, adminB, officer, secretary, member, binhSession] = await Promise.all(
    ['admin', 'admin.b', 'officer', 'secretary', 'an', 'binh'].map((u) => loginAs(t.app, u)),
  );
  await passSecondFactor(database, ['admin', 'admin.b', 'officer']);
});

afterEach(async () => {
  await t.app.close();
  await database.close();
});

describe('officers’ reads of a member’s record', () => {
  it('logs who read the record, from which unit and page; not the member’s own read, not a 404', async () => {
    expect((await get(officer, `/api/members/${an.id}`, `/members/${an.id}`)).statusCode).toBe(200);
    expect((await get(member, `/api/members/${an.id}`, '/me')).statusCode).toBe(200);
    expect((await get(officer, `/api/members/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    // off the request path: nothing written until the buffer is flushed
    expect(t.app.readLog.size).toBe(1);
    await t.app.readLog.flush();
    const rows = await queryRows<{ what: string; source: string; reader_unit_id: string; member_id: string }>(
      database.db,
      sql`select * from record_reads`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        member_id: an.id,
        what: 'record',
        source: `/members/${an.id}`,
        reader_unit_id: a.commune.id,
      }),
    ]);

    const res = await get(member, '/api/me/record-reads');
    expect(res.statusCode).toBe(200);
    const page = recordReadListSchema.parse(res.json());
    expect(page.items).toEqual([
      expect.objectContaining({
        readerName: 'Cán bộ Xã A',
        readerUnitName: a.commune.name,
        source: `/members/${an.id}`,
      }),
    ]);
  });

  it('pages the reads newest first with a keyset cursor', async () => {
    await get(secretary, `/api/members/${binh.id}`, '/cell/1');
    await get(officer, `/api/members/${binh.id}`, '/members/2');
    await get(officer, `/api/members/${binh.id}`, '/members/3');
    const first = recordReadListSchema.parse((await get(binhSession, '/api/me/record-reads?limit=2')).json());
    expect(first.items.map((r) => r.source)).toEqual(['/members/3', '/members/2']);
    expect(first.nextCursor).not.toBeNull();
    const second = recordReadListSchema.parse(
      (await get(binhSession, `/api/me/record-reads?limit=2&cursor=${first.nextCursor}`)).json(),
    );
    expect(second.items.map((r) => r.source)).toEqual(['/cell/1']);
    expect(second.nextCursor).toBeNull();
  });

  it('shows a member’s reads to admins, filtered by reader; to nobody else', async () => {
    await get(secretary, `/api/members/${binh.id}`, '/cell/1');
    await get(officer, `/api/members/${binh.id}`, '/members/2');
    await get(officer, `/api/members/${binh.id}`, '/members/3');
    const all = recordReadListSchema.parse((await get(admin, `/api/members/${binh.id}/record-reads`)).json());
    expect(all.items).toHaveLength(3);
    const byOfficer = recordReadListSchema.parse(
      (await get(admin, `/api/members/${binh.id}/record-reads?readerUserId=${officerUser.id}`)).json(),
    );
    expect(byOfficer.items.map((r) => r.source)).toEqual(['/members/3', '/members/2']);
    // admins read every record (house rule), so an admin of another province sees the reads too
    expect((await get(adminB, `/api/members/${binh.id}/record-reads`)).statusCode).toBe(200);
    for (const s of [officer, secretary, member, binhSession]) {
      expect((await get(s, `/api/members/${binh.id}/record-reads`)).statusCode).toBe(404);
    }
    // an officer has no record of their own to ask about
    expect((await get(officer, '/api/me/record-reads')).statusCode).toBe(404);
  });

  it('an admin’s own reads are logged like any officer’s', async () => {
    const before = t.app.readLog.size;
    await get(admin, `/api/members/${an.id}`, '/admin');
    expect(t.app.readLog.size).toBe(before + 1);
    await t.app.readLog.flush();
  });

  it('the writer inserts at once when a batch is full, and keeps order across flushes', async () => {
    const writer = new ReadLogWriter(database.db);
    const row = {
      memberId: an.id,
      readerUserId: officerUser.id,
      readerMemberId: null,
      what: 'record',
      source: 'batch',
    };
    for (let i = 0; i < READ_LOG_BATCH; i++) writer.push(row);
    await writer.flush();
    const [n] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from record_reads where source = 'batch'`,
    );
    expect(n!.n).toBe(READ_LOG_BATCH);
    expect(writer.size).toBe(0);
    await database.db.execute(sql`delete from record_reads where source = 'batch'`).catch(() => {});
  });
});

describe('a member downloads the data held about them', () => {
  it('JSON: their record, account without secrets, roles, letters and events, meetings, reads; nobody else’s data; audited', async () => {
    await get(officer, `/api/members/${an.id}`, `/members/${an.id}`);
    await t.app.readLog.flush();
    const before = await countAudit('member.data_exported');
    const res = await get(member, '/api/me/data-export.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.json');
    const body = JSON.parse(res.body) as Record<string, unknown> & {
      member: { fullName: string };
      account: Record<string, unknown>;
      roles: unknown[];
      letters: unknown[];
      attendances: { meetingTitle: string }[];
      audit: { action: string }[];
      recordReads: { readerName: string }[];
      warnings: unknown[];
    };
    expect(body.member.fullName).toBe('Nguyễn Văn An');
    expect(body.account.username).toBe('an');
    expect(body.account).not.toHaveProperty('passwordHash');
    expect(body.account).not.toHaveProperty('totpSecret');
    expect(body.roles).toHaveLength(1);
    expect(body.letters).toHaveLength(1);
    expect(body.attendances).toHaveLength(1);
    expect(body.audit.map((e) => e.action)).toContain('letter.issued');
    expect(body.recordReads.map((r) => r.readerName)).toContain('Cán bộ Xã A');
    expect(body.warnings).toHaveLength(0);
    // the meeting had another member: her name, card and attendance are not in the download
    expect(res.body).not.toContain('Trần Thị Bình');
    expect(res.body).not.toContain('40005678');
    expect(res.body).not.toContain('absent_unexcused');
    expect(await countAudit('member.data_exported')).toBe(before + 1);
  });

  it('PDF: a summary in Vietnamese, audited', async () => {
    const before = await countAudit('member.data_exported');
    const res = await get(member, '/api/me/data-export.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.includes(Buffer.from('NotoSerif'))).toBe(true);
    expect(await countAudit('member.data_exported')).toBe(before + 1);
  });

  it('an account without a member record has nothing to download (404)', async () => {
    expect((await get(officer, '/api/me/data-export.json')).statusCode).toBe(404);
    expect((await get(admin, '/api/me/data-export.pdf')).statusCode).toBe(404);
  });
});
