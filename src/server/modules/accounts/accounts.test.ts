import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountListSchema, accountSchema } from '../../../shared/contracts/accounts';
import { errorResponseSchema } from '../../../shared/contracts/common';
import type { Database } from '../../db/client';
import { auditLog, notifications, sessions, users } from '../../db/schema';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';

let database: Database;
let t: TestApp;
let tree: Awaited<ReturnType<typeof newProvinceTree>>;
let adminId: string;
let admin: Session;
let officer: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  tree = await newProvinceTree(database.db);
  adminId = (await newUser(database.db, { username: 'admin', grants: [{ role: 'admin' }] })).id;
  await newUser(database.db, {
    username: 'officer',
    grants: [{ role: 'committee_officer', unitId: tree.province.id }],
  });
  admin = await loginAs(t.app, 'admin');
  officer = await loginAs(t.app, 'officer');
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (s: Session, method: Method, url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: method === 'GET' ? { cookie: s.cookie } : s.headers,
    ...(payload ? { payload: payload as object } : {}),
  });
const errorOf = (res: { json(): unknown }) => errorResponseSchema.parse(res.json()).error;

async function createAccount(body: Record<string, unknown>) {
  const res = await call(admin, 'POST', '/api/accounts', {
    displayName: 'Lê Văn Mới',
    password: 'MatKhau2026x',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return accountSchema.parse(res.json());
}

describe('accounts are for the system administrator only', () => {
  it('answers 404 to a committee officer on every route', async () => {
    const id = adminId;
    const responses = await Promise.all([
      call(officer, 'GET', '/api/accounts'),
      call(officer, 'GET', `/api/accounts/${id}`),
      call(officer, 'POST', '/api/accounts', {
        username: 'sneaky',
        displayName: 'Lén lút',
        password: 'MatKhau2026x',
      }),
      call(officer, 'PATCH', `/api/accounts/${id}`, { isActive: false }),
      call(officer, 'POST', `/api/accounts/${id}/roles`, { role: 'admin' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
  });
});

describe('POST /api/accounts', () => {
  it('creates an account that can log in, never returns the hash, and audits it', async () => {
    const res = await call(admin, 'POST', '/api/accounts', {
      username: 'moi.tao',
      displayName: 'Lê Văn Mới',
      email: 'moi@example.vn',
      phone: '0912 000 111',
      password: 'MatKhau2026x',
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toMatch(/passwordHash|argon/);
    const account = accountSchema.parse(res.json());
    expect(account).toMatchObject({ username: 'moi.tao', phone: '0912000111', isActive: true, roles: [] });
    await loginAs(t.app, 'moi.tao', 'MatKhau2026x');
    await loginAs(t.app, '0912000111', 'MatKhau2026x');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, account.id), eq(auditLog.action, 'user.created')));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toMatch(/argon|password/i);
  });

  it('refuses duplicates with field-specific codes', async () => {
    await createAccount({ username: 'trung', email: 'trung@example.vn', phone: '0900000001' });
    const username = await call(admin, 'POST', '/api/accounts', {
      username: 'TRUNG',
      displayName: 'Trùng',
      password: 'MatKhau2026x',
    });
    expect(username.statusCode).toBe(409);
    expect(errorOf(username)).toMatchObject({
      code: 'username_taken',
      fields: { username: expect.any(String) },
    });
    const email = await call(admin, 'POST', '/api/accounts', {
      username: 'khac1',
      email: 'trung@example.vn',
      displayName: 'Trùng',
      password: 'MatKhau2026x',
    });
    expect(errorOf(email).code).toBe('email_taken');
    const phone = await call(admin, 'POST', '/api/accounts', {
      username: 'khac2',
      phone: '0900000001',
      displayName: 'Trùng',
      password: 'MatKhau2026x',
    });
    expect(errorOf(phone).code).toBe('phone_taken');
  });

  it('links a member once, and only a member that exists', async () => {
    const member = await newMember(database.db, { cellId: tree.workplaceCell.id });
    await createAccount({ username: 'dangvien1', memberId: member.id });
    const again = await call(admin, 'POST', '/api/accounts', {
      username: 'dangvien2',
      memberId: member.id,
      displayName: 'Lần hai',
      password: 'MatKhau2026x',
    });
    expect(errorOf(again).code).toBe('member_has_account');
    const ghost = await call(admin, 'POST', '/api/accounts', {
      username: 'dangvien3',
      memberId: '00000000-0000-4000-8000-000000000000',
      displayName: 'Không có',
      password: 'MatKhau2026x',
    });
    expect(ghost.statusCode).toBe(422);
  });
});

describe('GET /api/accounts', () => {
  it('pages by username and searches without diacritics', async () => {
    await createAccount({ username: 'page.a', displayName: 'Phạm Thị Hằng' });
    await createAccount({ username: 'page.b', displayName: 'Phạm Văn Hùng' });
    const first = accountListSchema.parse((await call(admin, 'GET', '/api/accounts?q=pham&limit=1')).json());
    expect(first.items.map((a) => a.username)).toEqual(['page.a']);
    const second = accountListSchema.parse(
      (await call(admin, 'GET', `/api/accounts?q=pham&limit=1&cursor=${first.nextCursor}`)).json(),
    );
    expect(second.items.map((a) => a.username)).toEqual(['page.b']);
    expect(second.nextCursor).toBeNull();
    const hang = accountListSchema.parse((await call(admin, 'GET', '/api/accounts?q=hang')).json());
    expect(hang.items.map((a) => a.displayName)).toEqual(['Phạm Thị Hằng']);
  });
});

describe('roles', () => {
  it('grants a role on a fitting unit, notifies the user, and revokes it', async () => {
    const account = await createAccount({ username: 'bithu' });
    const res = await call(admin, 'POST', `/api/accounts/${account.id}/roles`, {
      role: 'cell_secretary',
      unitId: tree.residentialCell.id,
      position: 'secretary',
    });
    expect(res.statusCode).toBe(201);
    const granted = accountSchema.parse(res.json());
    expect(granted.roles).toEqual([
      expect.objectContaining({
        role: 'cell_secretary',
        unitId: tree.residentialCell.id,
        unitName: tree.residentialCell.name,
        position: 'secretary',
      }),
    ]);
    const notes = await database.db.select().from(notifications).where(eq(notifications.userId, account.id));
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'role_granted',
        params: { role: 'cell_secretary', unit: tree.residentialCell.name },
      }),
    ]);

    const dup = await call(admin, 'POST', `/api/accounts/${account.id}/roles`, {
      role: 'cell_secretary',
      unitId: tree.residentialCell.id,
    });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).code).toBe('role_already_granted');

    const grantId = granted.roles[0]!.id;
    const revoked = await call(admin, 'DELETE', `/api/accounts/${account.id}/roles/${grantId}`);
    expect(revoked.statusCode).toBe(200);
    expect(accountSchema.parse(revoked.json()).roles).toEqual([]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, grantId));
    expect(audit.map((a) => a.action)).toEqual(['role_grant.created', 'role_grant.revoked']);
  });

  it('checks the unit type for each role', async () => {
    const account = await createAccount({ username: 'sai.vai.tro' });
    const cases: [Record<string, unknown>, number][] = [
      [{ role: 'committee_officer', unitId: tree.residentialCell.id }, 422],
      [{ role: 'front_head', unitId: tree.workplaceCell.id }, 422],
      [{ role: 'cell_secretary' }, 422],
      [{ role: 'member' }, 422], // the account is not linked to a member
      [{ role: 'committee_officer', unitId: tree.commune.id, position: 'staff' }, 201],
      [{ role: 'front_head', unitId: tree.residentialCell.id }, 201],
    ];
    for (const [body, status] of cases) {
      const res = await call(admin, 'POST', `/api/accounts/${account.id}/roles`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
    }
  });

  it('refuses revoking one’s own admin role', async () => {
    const me = accountSchema.parse((await call(admin, 'GET', `/api/accounts/${adminId}`)).json());
    const adminGrant = me.roles.find((r) => r.role === 'admin')!;
    const res = await call(admin, 'DELETE', `/api/accounts/${adminId}/roles/${adminGrant.id}`);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('cannot_revoke_own_admin');
  });
});

describe('PATCH /api/accounts/:id', () => {
  it('deactivating ends the user’s sessions', async () => {
    const account = await createAccount({ username: 'se.khoa' });
    const s = await loginAs(t.app, 'se.khoa', 'MatKhau2026x');
    expect((await call(s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const res = await call(admin, 'PATCH', `/api/accounts/${account.id}`, { isActive: false });
    expect(res.statusCode).toBe(200);
    expect(accountSchema.parse(res.json()).isActive).toBe(false);
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, account.id))).toEqual([]);
    expect((await call(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, account.id), eq(auditLog.action, 'user.updated')));
    expect(audit[0]!.after).toEqual({ isActive: false });
  });

  it('a password reset ends sessions and the new password works', async () => {
    const account = await createAccount({ username: 'doi.mk' });
    const s = await loginAs(t.app, 'doi.mk', 'MatKhau2026x');
    const res = await call(admin, 'PATCH', `/api/accounts/${account.id}`, { password: 'MoiHon2026abc' });
    expect(res.statusCode).toBe(200);
    expect((await call(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const after = await loginAs(t.app, 'doi.mk', 'MoiHon2026abc');
    // the admin chose it: the owner must pick their own before anything else
    expect(after.pending).toBe('password_change');
  });

  it('an account an admin created must change its password first (server enforced)', async () => {
    await createAccount({ username: 'lan.dau' });
    const s = await loginAs(t.app, 'lan.dau', 'MatKhau2026x');
    expect(s.pending).toBe('password_change');
    const blocked = await call(s, 'GET', '/api/notifications');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    expect(blocked.json().error.message).toBe('Đồng chí cần đổi mật khẩu trước khi tiếp tục.');
    expect((await call(s, 'GET', '/api/auth/me')).json().security.pending).toBe('password_change');
    const changed = await call(s, 'POST', '/api/auth/password', {
      currentPassword: 'MatKhau2026x',
      newPassword: 'CuaToi2026abc',
    });
    expect(changed.statusCode).toBe(200);
    expect((await call(s, 'GET', '/api/notifications')).statusCode).toBe(200);
    expect((await loginAs(t.app, 'lan.dau', 'CuaToi2026abc')).pending).toBe('none');
  });

  it('an admin resets a lost second factor: the officer enrols again; nobody else may', async () => {
    const account = await createAccount({ username: 'mat.dt' });
    expect(
      (
        await call(admin, 'POST', `/api/accounts/${account.id}/roles`, {
          role: 'committee_officer',
          unitId: tree.commune.id,
          position: 'staff',
        })
      ).statusCode,
    ).toBe(201);
    await database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, account.id));
    const enrolled = await loginAs(t.app, 'mat.dt', 'MatKhau2026x');
    expect(enrolled.pending).toBe('none');

    expect((await call(officer, 'POST', `/api/accounts/${account.id}/second-factor/reset`)).statusCode).toBe(
      404,
    );
    expect((await call(admin, 'POST', `/api/accounts/${account.id}/second-factor/reset`)).statusCode).toBe(
      200,
    );
    expect((await call(enrolled, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'mat.dt', password: 'MatKhau2026x' },
    });
    expect(again.json().security.pending).toBe('enrolment');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, account.id), eq(auditLog.action, 'user.second_factor_reset')));
    expect(audit).toHaveLength(1);
  });

  it('refuses disabling oneself', async () => {
    const res = await call(admin, 'PATCH', `/api/accounts/${adminId}`, { isActive: false });
    expect(res.statusCode).toBe(409);
  });
});
