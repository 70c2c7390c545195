import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationListSchema } from '../../../shared/contracts/notifications';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type TestApp } from '../../../../tests/fixtures/app';
import { literal } from '../../db/sql-values';
import { outboxTransition } from '../../../shared/rules/email-outbox';
import { enqueueEmail, notify } from './notifications.service';
import { MAX_ATTEMPTS, processOutbox } from './outbox';

let database: Database;
let t: TestApp;
let userId: string;
let otherId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  userId = (await newUser(database.db, { username: 'reader', displayName: 'Người đọc' })).id;
  otherId = (await newUser(database.db, { username: 'other', displayName: 'Người khác' })).id;
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('in-app inbox', () => {
  it('counts unread, marks one and all read, and keeps users apart', async () => {
    await notify(database.db, { userIds: [userId, userId], kind: 'welcome', params: { name: 'An' } });
    await notify(database.db, {
      userIds: [userId, otherId],
      kind: 'role_granted',
      params: { role: 'member' },
    });
    const s = await loginAs(t.app, 'reader');
    const inbox = notificationListSchema.parse(
      (
        await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: s.cookie } })
      ).json(),
    );
    expect(inbox.unreadCount).toBe(2); // duplicates in one call are sent once
    expect(inbox.items.map((n) => n.kind).sort()).toEqual(['role_granted', 'welcome']);

    const first = inbox.items[0]!;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/notifications/${first.id}/read`, headers: s.headers }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/notifications/unread-count',
          headers: { cookie: s.cookie },
        })
      ).json(),
    ).toEqual({ unreadCount: 1 });

    const other = await loginAs(t.app, 'other');
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${inbox.items[1]!.id}/read`,
      headers: other.headers,
    });
    expect(foreign.statusCode).toBe(404);

    await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: s.headers });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/notifications/unread-count',
          headers: { cookie: s.cookie },
        })
      ).json(),
    ).toEqual({ unreadCount: 0 });
  });
});

describe('email outbox', () => {
  it('emails the notified users who have an address, in their own language', async () => {
    await newUser(database.db, {
      username: 'mailvi',
      displayName: 'Thư',
      email: 'vi@example.vn',
      locale: 'vi',
    });
    const en = await newUser(database.db, {
      username: 'mailen',
      displayName: 'Mail',
      email: 'en@example.vn',
      locale: 'en',
    });
    const vi = await queryRows<{ id: string }>(
      database.db,
      sql`select id from users where username = 'mailvi'`,
    );
    await notify(database.db, {
      userIds: [vi[0]!.id, en.id, userId],
      kind: 'role_granted',
      params: { role: 'member', unit: 'Chi bộ 1' },
      email: true,
    });
    const mails = await queryRows<{ to_address: string; subject: string; body_text: string }>(
      database.db,
      sql`select to_address, subject, body_text from email_outbox where to_address in ('vi@example.vn', 'en@example.vn') order by to_address`,
    );
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ['en@example.vn', 'Residence Link: you have a new role'],
      ['vi@example.vn', 'Residence Link: đồng chí được giao vai trò mới'],
    ]);
    expect(mails[0]!.body_text).toContain('the role member at Chi bộ 1');
    expect(mails[1]!.body_text).toContain('vai trò đảng viên tại Chi bộ 1');
    await database.db.execute(
      sql`update email_outbox set status = ${literal(outboxTransition('send').to)} where to_address in ('vi@example.vn', 'en@example.vn')`,
    );
  });

  it('commits with the transaction that wrote it, or not at all', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueEmail(tx, { to: 'lost@example.vn', subject: 'x', text: 'x' });
        throw new Error('workflow step failed');
      }),
    ).rejects.toThrow();
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from email_outbox where to_address = 'lost@example.vn'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('sends pending mail, retries failures with backoff, and gives up after the limit', async () => {
    await enqueueEmail(database.db, [
      { to: 'a@example.vn', subject: 'Giấy giới thiệu', text: 'Nội dung' },
      { to: 'b@example.vn', subject: 'Nhắc lịch', text: 'Nội dung' },
    ]);
    // Rows are stamped by the database clock; move the test clock past it.
    t.clock.set(new Date(Date.now() + 1000));
    t.mailer.failNext = 1;
    const first = await processOutbox(database.db, t.mailer, t.clock);
    expect(first).toEqual({ sent: 1, failed: 1 });
    // The failed one waits for its backoff.
    expect(await processOutbox(database.db, t.mailer, t.clock)).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(61_000);
    expect(await processOutbox(database.db, t.mailer, t.clock)).toEqual({ sent: 1, failed: 0 });
    expect(t.mailer.sent.map((m) => m.to).sort()).toEqual(['a@example.vn', 'b@example.vn']);

    await enqueueEmail(database.db, { to: 'never@example.vn', subject: 'x', text: 'x' });
    t.mailer.failNext = 100;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await processOutbox(database.db, t.mailer, t.clock);
      t.clock.advance(3 * 3600_000);
    }
    const [row] = await queryRows<{ status: string; attempts: number }>(
      database.db,
      sql`select status, attempts from email_outbox where to_address = 'never@example.vn'`,
    );
    expect(row).toEqual({ status: 'failed', attempts: MAX_ATTEMPTS });
    t.mailer.failNext = 0;
  });
});
