import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/vite-precompress';
import { buildTestApp, type TestApp } from '../../../tests/fixtures/app';
import { createTestDatabase } from '../../../tests/fixtures/test-db';
import type { Database } from '../db/client';
import { IMMUTABLE, REVALIDATE } from './web-assets';

// Big enough to be worth compressing, like a real chunk.
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word number ${i}`))};\n`;
const html = `<!doctype html><title>Residence Link</title>${'<!-- padding -->'.repeat(100)}`;

let database: Database;
let t: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'rl-web-assets-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), html);
  writeFileSync(path.join(webDir, 'assets', 'app-1a2b3c.js'), script);
  // what vite-plugin-pwa writes next to index.html (decision 0010)
  writeFileSync(path.join(webDir, 'sw.js'), `self.__WB_MANIFEST = []; ${script}`);
  writeFileSync(
    path.join(webDir, 'manifest.webmanifest'),
    JSON.stringify({ name: 'Residence Link', start_url: '/' }),
  );
  writeFileSync(path.join(webDir, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  // what `vite build` does after writing the bundle
  const plugin = precompress();
  const writeBundle = plugin.writeBundle as (
    output: { dir: string },
    bundle: Record<string, unknown>,
  ) => Promise<void>;
  await writeBundle.call({}, { dir: webDir }, { 'index.html': {}, 'assets/app-1a2b3c.js': {} });
  database = await createTestDatabase();
  t = await buildTestApp(database, { webDir });
});

afterAll(async () => {
  await t.app.close();
  await database.close();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('serving the web app', () => {
  it('serves the app for client-side routes', async () => {
    for (const url of ['/', '/members', '/org/abc?x=1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
  });

  it('serves assets, including ones built after start, and 404s missing files', async () => {
    writeFileSync(path.join(webDir, 'assets', 'app-2.js'), 'console.log(2)');
    const later = await get('/assets/app-2.js');
    expect(later.statusCode).toBe(200);
    expect(later.headers['content-type']).toMatch(/javascript/);
    const missing = await get('/assets/app-0.js', 'br');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).not.toMatch(/text\/html/);
  });
});

describe('web assets: compression and caching', () => {
  it('sends a hashed asset as brotli or gzip, as asked, and lets the browser keep it for a year', async () => {
    const br = await get('/assets/app-1a2b3c.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/app-1a2b3c.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/app-1a2b3c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('has index.html and the client-side routes revalidated on every load, compressed too', async () => {
    for (const url of ['/', '/members', '/meetings/abc?tab=minutes']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe(REVALIDATE);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(html);
    }
  });

  it('has the service worker, the web app manifest and the icons revalidated, so an update reaches phones at once', async () => {
    const sw = await get('/sw.js', 'br');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe(REVALIDATE);
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe(REVALIDATE);
    expect(manifest.json()).toMatchObject({ name: 'Residence Link' });
    const icon = await get('/icon-192.png');
    expect(icon.headers['content-type']).toBe('image/png');
    expect(icon.headers['cache-control']).toBe(REVALIDATE);
    // not built (yet): a 404, never the app's HTML in the worker's place
    rmSync(path.join(webDir, 'sw.js'));
    const missing = await get('/sw.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).not.toMatch(/text\/html/);
  });

  it('compresses large API JSON on the fly and leaves small answers alone', async () => {
    const large = await get('/api/openapi.json', 'gzip, br');
    expect(large.statusCode).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    const spec = JSON.parse(brotliDecompressSync(large.rawPayload).toString()) as { openapi: string };
    expect(spec.openapi).toMatch(/^3\./);

    const gz = await get('/api/openapi.json', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(gunzipSync(gz.rawPayload).length / 3);

    const small = await get('/api/health', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
  });
});
