import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env';

describe('configuration', () => {
  it('has working defaults for local use', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', SEED_DEMO: true });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('points the public address at the port the server listens on unless one is set', () => {
    expect(loadEnv({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadEnv({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadEnv({ PORT: '8080', PUBLIC_URL: '' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadEnv({ PORT: '8080', PUBLIC_URL: 'https://dangvien.example.vn' }).PUBLIC_URL).toBe('https://dangvien.example.vn');
    expect(() => loadEnv({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
  });

  it('loads .env.example as it is, with the public address following its PORT', () => {
    const example = parseEnv(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8'));
    expect(loadEnv({ ...example, PORT: '4123' }).PUBLIC_URL).toBe('http://localhost:4123');
  });

  it('treats empty values as unset', () => {
    const env = loadEnv({ DATABASE_URL: '', SESSION_SECRET: '', SMTP_HOST: '' });
    expect([env.DATABASE_URL, env.SESSION_SECRET, env.SMTP_HOST]).toEqual([undefined, undefined, undefined]);
  });

  it('lists every bad setting at once', () => {
    try {
      loadEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short', SMTP_PORT: '99999' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const problems = (err as EnvError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'SESSION_SECRET', 'SMTP_PORT']) expect(problems).toContain(name);
    }
  });

  it('requires a session secret in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
  });
});
