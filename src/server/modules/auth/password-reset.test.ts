import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionListSchema } from '../../../shared/contracts/account-security';
import type { Database } from '../../db/client';
import { auditLog, emailOutbox, passwordResetTokens } from '../../db/schema';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type TestApp } from '../../../../tests/fixtures/app';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { publicUrl: 'https://rl.example.vn' });
  await newProvinceTree(database.db);
  await newUser(database.db, { username: 'quen.mk', email: 'quen@example.vn', grants: [{ role: 'member' }] });
  await newUser(database.db, { username: 'no.mail', grants: [{ role: 'member' }] });
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

const request = (login: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { login } });
const confirm = (token: string, newPassword: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword } });

/** A member with an e-mail address: each test its own, so its mails, links and password are its own. */
let accounts = 0;
async function newAccount() {
  const email = `tk${++accounts}@example.vn`;
  const user = await newUser(database.db, { email, grants: [{ role: 'member' }] });
  return { id: user.id, username: user.username, email };
}

/** The rows of a table made while `act` ran (other tests' rows left out). */
async function madeDuring<T extends { id: string }>(rows: () => Promise<T[]>, act: () => Promise<unknown>) {
  const before = new Set((await rows()).map((r) => r.id));
  await act();
  return (await rows()).filter((r) => !before.has(r.id));
}

async function lastLink(address = 'quen@example.vn'): Promise<string> {
  const mails = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
  const text = mails.at(-1)!.bodyText;
  return /https:\/\/rl\.example\.vn\/reset-password\?token=([\w-]+)/.exec(text)![1]!;
}

describe('password reset by mailed link', () => {
  it('answers the same for a known login, an e-mail, an unknown login and an account without e-mail', async () => {
    const allMails = () => database.db.select().from(emailOutbox);
    const allTokens = () => database.db.select().from(passwordResetTokens);
    let stored: Awaited<ReturnType<typeof allTokens>> = [];
    const mails = await madeDuring(allMails, async () => {
      stored = await madeDuring(allTokens, async () => {
        const answers = await Promise.all(['quen.mk', 'nobody.here', 'no.mail'].map(request));
        for (const a of answers) {
          expect(a.statusCode).toBe(200);
          expect(a.body).toBe('{"ok":true}');
        }
      });
    });
    expect(mails.map((m) => m.toAddress)).toEqual(['quen@example.vn']);
    expect(mails[0]!.bodyText).toContain('30 phút');
    const token = await lastLink();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toBe(token);
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sets a new password once, ends every session and is audited', async () => {
    const account = await newAccount();
    const before = await loginAs(t.app, account.username);
    await request(account.email);
    const token = await lastLink(account.email);
    const weak = await confirm(token, 'short');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.fields.newPassword).toBeTruthy();

    expect((await confirm(token, 'MatKhauMoi2026')).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: before.headers })).statusCode,
    ).toBe(401);
    await loginAs(t.app, account.username, 'MatKhauMoi2026');

    const reused = await confirm(token, 'MotLanNua2026');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('reset_link_invalid');
    const actions = (await database.db.select().from(auditLog).where(eq(auditLog.entityId, account.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });

  it('a link expires after 30 minutes; a made-up token is refused', async () => {
    const account = await newAccount();
    await request(account.username);
    const token = await lastLink(account.email);
    t.clock.advance(31 * 60_000);
    expect((await confirm(token, 'HetHan2026abc')).json().error.code).toBe('reset_link_invalid');
    expect((await confirm('x'.repeat(43), 'HetHan2026abc')).json().error.code).toBe('reset_link_invalid');
  });

  it('sends at most three mails in 15 minutes for one account', async () => {
    const account = await newAccount();
    t.clock.advance(60 * 60_000);
    await database.db.delete(emailOutbox);
    for (let i = 0; i < 5; i++) expect((await request(account.username)).statusCode).toBe(200);
    expect(await database.db.select().from(emailOutbox)).toHaveLength(3);
  });
});

describe('own sessions', () => {
  it('lists them with this one marked and revokes one, or all the others; another user’s is not found', async () => {
    await newUser(database.db, { username: 'nhieu.may', grants: [{ role: 'member' }] });
    const phone = await loginAs(t.app, 'nhieu.may');
    const laptop = await loginAs(t.app, 'nhieu.may');
    const tablet = await loginAs(t.app, 'nhieu.may');
    const list = sessionListSchema.parse(
      (await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: phone.headers })).json(),
    );
    expect(list.items).toHaveLength(3);
    expect(list.items.filter((s) => s.current)).toHaveLength(1);
    const laptopId = list.items.find((s) => !s.current)!.id;

    const other = await loginAs(t.app, (await newAccount()).username);
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${laptopId}`,
      headers: other.headers,
    });
    expect(foreign.statusCode).toBe(404);

    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/auth/sessions/${laptopId}`,
          headers: phone.headers,
        })
      ).statusCode,
    ).toBe(200);
    const alive = [laptop, tablet].map((s) =>
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers }),
    );
    expect((await Promise.all(alive)).map((r) => r.statusCode).sort()).toEqual([200, 401]);

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/sessions/revoke-others',
          headers: phone.headers,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    for (const s of [laptop, tablet])
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode,
      ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: phone.headers })).statusCode,
    ).toBe(200);
  });
});
