import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/client';
import { lockDataDir } from './db/data-dir-lock';
import { createTestDatabase } from '../../tests/fixtures/test-db';
import { buildTestApp, type TestApp } from '../../tests/fixtures/app';

let database: Database;
let t: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'rl-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Residence Link</title>');
  writeFileSync(path.join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
  database = await createTestDatabase();
  t = await buildTestApp(database, { webDir });
});

afterAll(async () => {
  await t.app.close();
  await database.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves the app for client-side routes', async () => {
    for (const url of ['/', '/members', '/org/abc?x=1']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
  });

  it('serves assets, including ones built after start, and 404s missing files', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/assets/app-1.js' })).headers['content-type']).toMatch(/javascript/);
    writeFileSync(path.join(webDir, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await t.app.inject({ method: 'GET', url: '/assets/app-2.js' })).statusCode).toBe(200);
    const missing = await t.app.inject({ method: 'GET', url: '/assets/app-0.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).not.toMatch(/text\/html/);
  });
});

describe('data directory lock', () => {
  it('refuses a second server on the same embedded database and takes over a stale lock', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rl-lock-'));
    writeFileSync(path.join(dir, 'server.pid'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(/Another Residence Link server/);
    writeFileSync(path.join(dir, 'server.pid'), '999999999'); // gone
    const release = lockDataDir(dir);
    release();
    rmSync(dir, { recursive: true, force: true });
  });
});
