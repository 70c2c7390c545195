import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/common';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newUser, TEST_PASSWORD } from '../../../../tests/fixtures/factories';
import { buildTestApp, type TestApp } from '../../../../tests/fixtures/app';
import { delaySecondsAfter, MAX_DELAY_SECONDS } from './login-throttle';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  // the production default: 10 failures per address + login name per minute
  t = await buildTestApp(database, { loginRateLimitPerMinute: 10 });
  for (const username of ['real.user', 'target', 'owner', 'resets'])
    await newUser(database.db, { username, grants: [{ role: 'member' }] });
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

function attempt(
  login: string,
  password: string,
  ip: string,
  opts: { cookie?: string; locale?: string } = {},
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), 'accept-language': opts.locale ?? 'vi' },
    payload: { login, password },
  });
}

function deviceCookieOf(res: Awaited<ReturnType<typeof attempt>>): string {
  const list = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return list.find((c) => c.startsWith('rl_device='))!.split(';')[0]!;
}

describe('the delay rule', () => {
  it('lets five failures pass, then doubles from 2 s and never waits more than a minute', () => {
    expect([1, 4].map(delaySecondsAfter)).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 10].map(delaySecondsAfter)).toEqual([2, 4, 8, 16, 32, 60]);
    expect(delaySecondsAfter(1000)).toBe(MAX_DELAY_SECONDS);
  });
});

describe('login protection', () => {
  it('guessing at made-up login names from an office address does not lock out a real user there', async () => {
    const office = '203.0.113.7';
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await attempt('made.up.name', `guess-${i}`, office)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    for (let i = 0; i < 12; i++) expect((await attempt(`nobody.${i}`, 'guess', office)).statusCode).toBe(401);

    const real = await attempt('real.user', TEST_PASSWORD, office);
    expect(real.statusCode).toBe(200);
  });

  it('says how long to wait, in the reader’s language and in Retry-After', async () => {
    const ip = '203.0.113.8';
    for (let i = 0; i < 10; i++) await attempt('another.made.up', 'guess', ip);
    const vi = await attempt('another.made.up', 'guess', ip);
    expect(vi.statusCode).toBe(429);
    const seconds = Number(vi.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    const body = errorResponseSchema.parse(vi.json());
    expect(body.error.code).toBe('login_throttled');
    expect(body.error.message).toBe(`Đăng nhập sai nhiều lần. Đồng chí hãy thử lại sau ${seconds} giây.`);
    const en = await attempt('another.made.up', 'guess', ip, { locale: 'en' });
    expect(en.json().error.message).toMatch(/^Too many failed logins\. Try again in \d+ seconds\.$/);
  });

  it('holds an account back longer after each failure past the fifth, from any address', async () => {
    // a different address each time: the per-address limit never applies, the per-account delay does
    for (let i = 0; i < 5; i++)
      expect((await attempt('target', 'wrong', `198.51.100.${i}`)).statusCode).toBe(401);
    const held = await attempt('target', TEST_PASSWORD, '198.51.100.50');
    expect(held.statusCode).toBe(429);
    expect(held.headers['retry-after']).toBe('2');

    t.clock.advance(2_500);
    expect((await attempt('target', 'wrong', '198.51.100.6')).statusCode).toBe(401);
    expect((await attempt('target', TEST_PASSWORD, '198.51.100.51')).headers['retry-after']).toBe('4');
    t.clock.advance(4_500);
    expect((await attempt('target', 'wrong', '198.51.100.7')).statusCode).toBe(401);
    expect((await attempt('target', TEST_PASSWORD, '198.51.100.52')).headers['retry-after']).toBe('8');

    // the delay never blocks for long: once it passes, the right password works
    t.clock.advance(8_500);
    expect((await attempt('target', TEST_PASSWORD, '198.51.100.53')).statusCode).toBe(200);
  });

  it('a browser that logged in to the account before is not held back by someone else’s guessing', async () => {
    const first = await attempt('owner', TEST_PASSWORD, '192.0.2.10');
    expect(first.statusCode).toBe(200);
    const device = deviceCookieOf(first);
    for (let i = 0; i < 7; i++) await attempt('owner', 'attacker-guess', `192.0.2.${100 + i}`);

    expect((await attempt('owner', TEST_PASSWORD, '192.0.2.11')).statusCode).toBe(429);
    const withDevice = await attempt('owner', TEST_PASSWORD, '192.0.2.11', { cookie: device });
    expect(withDevice.statusCode).toBe(200);
  });

  it('a device cookie for another account or a forged one gives no exemption', async () => {
    const mine = deviceCookieOf(await attempt('real.user', TEST_PASSWORD, '192.0.2.20'));
    for (let i = 0; i < 6; i++) await attempt('owner', 'attacker-guess', `192.0.2.${120 + i}`);
    expect((await attempt('owner', TEST_PASSWORD, '192.0.2.21', { cookie: mine })).statusCode).toBe(429);
    const forged = `${mine.split('.').slice(0, 2).join('.')}.AAAA`;
    expect((await attempt('owner', TEST_PASSWORD, '192.0.2.21', { cookie: forged })).statusCode).toBe(429);
  });

  it('a successful login resets the account’s count', async () => {
    for (let i = 0; i < 4; i++) await attempt('resets', 'wrong', `192.0.2.${200 + i}`);
    expect((await attempt('resets', TEST_PASSWORD, '192.0.2.210')).statusCode).toBe(200);
    // four more failures would have made nine without the reset (held back 32 s); now they are free again
    for (let i = 0; i < 4; i++)
      expect((await attempt('resets', 'wrong', `192.0.2.${220 + i}`)).statusCode).toBe(401);
    expect((await attempt('resets', TEST_PASSWORD, '192.0.2.230')).statusCode).toBe(200);
  });
});
