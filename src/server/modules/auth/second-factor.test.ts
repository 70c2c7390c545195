import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoveryCodesSchema, totpSetupSchema } from '../../../shared/contracts/account-security';
import { meSchema } from '../../../shared/contracts/auth';
import type { Database } from '../../db/client';
import { auditLog, loginThrottle, users } from '../../db/schema';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newProvinceTree, newUser, TEST_PASSWORD } from '../../../../tests/fixtures/factories';
import {
  buildTestApp,
  enrolledSecret,
  loginAs,
  rememberTotpSecret,
  totpCode,
  type TestApp,
} from '../../../../tests/fixtures/app';

let database: Database;
let t: TestApp;
let communeId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database);
  communeId = (await newProvinceTree(database.db)).commune.id;
  await newUser(database.db, { username: 'plain.member', grants: [{ role: 'member' }] });
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

async function passwordOnly(login: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const me = meSchema.parse(res.json());
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('rl_session='))!
    .split(';')[0]!;
  return { me, headers: { cookie, 'x-csrf-token': me.csrfToken } };
}

/** A committee officer of the commune, not yet enrolled: each test its own, so enrolment, codes and holds are its own. */
const newOfficer = () => newUser(database.db, { grants: [{ role: 'committee_officer', unitId: communeId }] });

/** An officer with an authenticator, enrolled by the fixture's login. */
async function enrolledOfficer() {
  const officer = await newOfficer();
  return { officer, session: await loginAs(t.app, officer.username) };
}

type Headers = Record<string, string>;
const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });
const post = (url: string, headers: Headers, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload });

describe('two-factor authentication', () => {
  it('an officer not yet enrolled reaches only /api/auth until an authenticator is enrolled', async () => {
    const { id: officerId, username } = await newOfficer();
    const s = await passwordOnly(username);
    expect(s.me.security).toEqual({
      mustChangePassword: false,
      totpEnabled: false,
      secondFactorRequired: true,
      pending: 'enrolment',
    });
    const blocked = await get('/api/members', s.headers);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('second_factor_required');

    const setup = totpSetupSchema.parse((await post('/api/auth/totp/setup', s.headers)).json());
    expect(setup.otpauthUrl).toContain(`secret=${setup.secret}`);
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = await database.db.query.users.findFirst({ where: eq(users.id, officerId) });
    expect(stored!.totpSecret).not.toContain(setup.secret);
    expect(stored!.totpEnabledAt).toBeNull();

    const wrong = await post('/api/auth/totp/confirm', s.headers, { code: '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('invalid_second_factor');

    const confirmed = await post('/api/auth/totp/confirm', s.headers, { code: totpCode(setup.secret) });
    const { codes } = recoveryCodesSchema.parse(confirmed.json());
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    rememberTotpSecret(officerId, setup.secret);
    expect((await get('/api/members', s.headers)).statusCode).toBe(200);

    // the next login asks the code; the password alone reaches only the second step
    const next = await passwordOnly(username);
    expect(next.me.security.pending).toBe('second_factor');
    expect((await get('/api/members', next.headers)).json().error.code).toBe('second_factor_required');
    // …and cannot re-enrol, change the password or list sessions with the password alone
    expect((await post('/api/auth/totp/setup', next.headers)).statusCode).toBe(403);
    expect((await get('/api/auth/sessions', next.headers)).statusCode).toBe(403);
    expect(
      (
        await post('/api/auth/password', next.headers, {
          currentPassword: TEST_PASSWORD,
          newPassword: 'Khac2026abcd',
        })
      ).statusCode,
    ).toBe(403);
    expect((await get('/api/auth/me', next.headers)).statusCode).toBe(200);

    expect((await post('/api/auth/second-factor', next.headers, { code: '123456' })).statusCode).toBe(422);
    expect(
      (await post('/api/auth/second-factor', next.headers, { code: totpCode(setup.secret) })).statusCode,
    ).toBe(200);
    expect((await get('/api/members', next.headers)).statusCode).toBe(200);
    expect(meSchema.parse((await get('/api/auth/me', next.headers)).json()).security.pending).toBe('none');

    // a recovery code works once
    const viaRecovery = await passwordOnly(username);
    expect(
      (await post('/api/auth/second-factor', viaRecovery.headers, { code: codes[0]!.toUpperCase() }))
        .statusCode,
    ).toBe(200);
    expect((await get('/api/members', viaRecovery.headers)).statusCode).toBe(200);
    const again = await passwordOnly(username);
    const reused = await post('/api/auth/second-factor', again.headers, { code: codes[0]! });
    expect(reused.statusCode).toBe(422);

    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, officerId)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'auth.totp_enabled',
        'auth.second_factor',
        'auth.recovery_code_used',
        'auth.second_factor_failed',
      ]),
    );
  });

  it('regenerating recovery codes ends the old ones', async () => {
    const { officer, session: s } = await enrolledOfficer();
    const before = recoveryCodesSchema.parse(
      (await post('/api/auth/totp/recovery-codes', s.headers)).json(),
    ).codes;
    const after = recoveryCodesSchema.parse(
      (await post('/api/auth/totp/recovery-codes', s.headers)).json(),
    ).codes;
    expect(after).not.toEqual(before);
    const pending = await passwordOnly(officer.username);
    expect((await post('/api/auth/second-factor', pending.headers, { code: before[1]! })).statusCode).toBe(
      422,
    );
    expect((await post('/api/auth/second-factor', pending.headers, { code: after[1]! })).statusCode).toBe(
      200,
    );
  });

  it('holds the second step back after five wrong codes, with Retry-After', async () => {
    const { officer } = await enrolledOfficer();
    await database.db.delete(loginThrottle);
    const s = await passwordOnly(officer.username);
    for (let i = 0; i < 5; i++)
      expect((await post('/api/auth/second-factor', s.headers, { code: '000000' })).statusCode).toBe(422);
    const held = await post('/api/auth/second-factor', s.headers, {
      code: totpCode(enrolledSecret(officer.id) ?? ''),
    });
    expect(held.statusCode).toBe(429);
    expect(held.headers['retry-after']).toBe('2');
    t.clock.advance(3_000);
  });

  it('is optional for a member: no step asked, enrolment allowed', async () => {
    const s = await passwordOnly('plain.member');
    expect(s.me.security).toMatchObject({ secondFactorRequired: false, pending: 'none' });
    expect((await get('/api/notifications', s.headers)).statusCode).not.toBe(403);
    const setup = totpSetupSchema.parse((await post('/api/auth/totp/setup', s.headers)).json());
    expect(
      (await post('/api/auth/totp/confirm', s.headers, { code: totpCode(setup.secret) })).statusCode,
    ).toBe(200);
    expect((await passwordOnly('plain.member')).me.security.pending).toBe('second_factor');
    expect((await post('/api/auth/totp/setup', s.headers)).json().error.code).toBe('totp_already_enabled');
  });
});
