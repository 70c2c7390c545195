import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase } from '../../../tests/fixtures/test-db';
import { buildTestApp, type TestApp } from '../../../tests/fixtures/app';
import { composeSecurityHeaders, securityHeaderOptions } from './security-headers';

let database: Database;
let plain: TestApp;
let secure: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  plain = await buildTestApp(database);
  secure = await buildTestApp(database, { publicUrl: 'https://rl.example.vn' });
});

afterAll(async () => {
  await plain.app.close();
  await secure.app.close();
  await database.close();
});

describe('security headers', () => {
  it('sends a strict CSP, no framing and a referrer policy on API answers and pages', async () => {
    for (const url of ['/api/health', '/api/docs/static/index.html', '/login']) {
      const res = await plain.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('asks for HSTS only when the public address is https', async () => {
    expect(
      (await plain.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security'],
    ).toBeUndefined();
    const res = await secure.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it('sends the same headers on errors and unknown addresses, composed once at start-up', async () => {
    const ok = await plain.app.inject({ method: 'GET', url: '/api/health' });
    for (const url of ['/api/no-such-thing', '/api/members/not-a-uuid']) {
      const res = await plain.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-security-policy'], url).toBe(ok.headers['content-security-policy']);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
    const composed = composeSecurityHeaders(securityHeaderOptions('http://localhost'));
    expect(composed['content-security-policy']).toBe(ok.headers['content-security-policy']);
    expect(ok.headers['x-powered-by']).toBeUndefined();
  });
});
