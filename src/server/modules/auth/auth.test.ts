import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meSchema } from '../../../shared/contracts/auth';
import { errorResponseSchema } from '../../../shared/contracts/common';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser, TEST_PASSWORD } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type TestApp } from '../../../../tests/fixtures/app';

let database: Database;
let t: TestApp;
let tree: Awaited<ReturnType<typeof newProvinceTree>>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  tree = await newProvinceTree(database.db);
  const member = await newMember(database.db, {
    cellId: tree.workplaceCell.id,
    cardNumber: '12345678',
    fullName: 'Nguyễn Văn An',
  });
  await newUser(database.db, {
    username: 'officer',
    email: 'officer@example.vn',
    phone: '0912345678',
    displayName: 'Cán bộ',
    grants: [{ role: 'committee_officer', unitId: tree.commune.id, position: 'staff' }],
  });
  await newUser(database.db, {
    username: 'an',
    displayName: 'Nguyễn Văn An',
    memberId: member.id,
    grants: [{ role: 'member' }],
  });
  await newUser(database.db, { username: 'disabled', displayName: 'Khóa', isActive: false });
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('login', () => {
  it.each([['officer'], ['OFFICER'], ['officer@example.vn'], ['0912345678'], ['12345678']])(
    'accepts %s with the password',
    async (login) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const me = meSchema.parse(res.json());
      expect(me.csrfToken.length).toBeGreaterThan(20);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/rl_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    },
  );

  it('returns roles and units in /me', async () => {
    const s = await loginAs(t.app, 'officer');
    const me = meSchema.parse(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).json(),
    );
    expect(me.roles).toEqual([
      expect.objectContaining({ role: 'committee_officer', unitId: tree.commune.id, position: 'staff' }),
    ]);
    expect(me.units.map((u) => u.id)).toEqual([tree.commune.id]);
  });

  it('refuses a wrong password with a message in the reader’s language', async () => {
    const vi = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'officer', password: 'nope' },
    });
    expect(vi.statusCode).toBe(401);
    expect(errorResponseSchema.parse(vi.json()).error).toEqual({
      code: 'invalid_credentials',
      message: 'Sai tên đăng nhập hoặc mật khẩu.',
    });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { login: 'nobody', password: 'nope' },
    });
    expect(en.statusCode).toBe(401);
    expect(en.json().error.message).toBe('Wrong login or password.');
  });

  it('refuses a disabled account', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'disabled', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_disabled');
  });

  it('answers 422 with field messages for a malformed body, 400 for broken JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: '' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toHaveProperty('login');
    expect(res.json().error.fields).toHaveProperty('password');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_json');
  });

  it('rate-limits repeated attempts for one login from one address', async () => {
    // an officer of its own, so the failed attempts count against no other test's login
    const { username } = await newUser(database.db, {
      grants: [{ role: 'committee_officer', unitId: tree.commune.id, position: 'staff' }],
    });
    const limited = await buildTestApp(database, { loginRateLimitPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { login: username, password: 'bad' },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await limited.app.close();
  });
});

describe('sessions', () => {
  it('requires a session for private routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/members' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('requires the CSRF token for cookie-authenticated mutations', async () => {
    const s = await loginAs(t.app, 'officer');
    const without = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/locale',
      headers: { cookie: s.cookie },
      payload: { locale: 'en' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const withToken = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/locale',
      headers: s.headers,
      payload: { locale: 'en' },
    });
    expect(withToken.statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const s = await loginAs(t.app, 'officer');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(401);
  });

  it('expires sessions after the configured time', async () => {
    const s = await loginAs(t.app, 'officer');
    t.clock.advance(13 * 3600_000);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(401);
  });
});

describe('change password', () => {
  it('checks the current password and the new password’s strength', async () => {
    const s = await loginAs(t.app, 'an');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: 'wrong', newPassword: 'Another2026pass' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields.currentPassword).toBeTruthy();
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.fields.newPassword).toBe('Mật khẩu cần ít nhất 10 ký tự.');
  });

  it('changes the password and logs out the other devices', async () => {
    // a member of its own: the logins of the other tests keep the password they know
    const { username } = await newUser(database.db, { grants: [{ role: 'member' }] });
    const phone = await loginAs(t.app, username);
    const laptop = await loginAs(t.app, username);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: laptop.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Another2026pass' },
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: phone.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: laptop.cookie } }))
        .statusCode,
    ).toBe(200);
    await expect(loginAs(t.app, username)).rejects.toThrow();
    await loginAs(t.app, username, 'Another2026pass');
  });
});

describe('system', () => {
  it('reports health and documents the API', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/members', '/api/members/{id}', '/api/org-units']),
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers unknown API routes with the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(errorResponseSchema.parse(res.json()).error.code).toBe('route_not_found');
  });

  it('records logins in the append-only audit log', async () => {
    await loginAs(t.app, 'officer');
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'auth.login'`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    await expect(database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
