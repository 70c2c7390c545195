import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, registerCompression, SMALL_JSON_MAX } from './compression';

let app: FastifyInstance;
const body = (chars: number) => ({
  text: 'Nguyễn Văn An, chi bộ thôn 4; '.repeat(Math.ceil(chars / 30)).slice(0, chars),
});

beforeAll(async () => {
  app = Fastify();
  await registerCompression(app);
  app.get<{ Querystring: { chars: string } }>('/json', async (request) => body(Number(request.query.chars)));
  app.get('/text', async (_request, reply) => reply.type('text/plain').send('x'.repeat(2000)));
  await app.ready();
});
afterAll(() => app.close());

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('API JSON compression', () => {
  it('answers small JSON (1–4 KB) with gzip, even when brotli is offered first', async () => {
    const res = await get('/json?chars=1500', 'br, gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(JSON.parse(gunzipSync(res.rawPayload).toString())).toEqual(body(1500));
  });

  it('leaves larger JSON to brotli, and small JSON to brotli when gzip is not accepted', async () => {
    const large = await get(`/json?chars=${SMALL_JSON_MAX + 500}`, 'gzip, br');
    expect(large.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(large.rawPayload).toString())).toEqual(body(SMALL_JSON_MAX + 500));
    const brOnly = await get('/json?chars=1500', 'br, gzip;q=0');
    expect(brOnly.headers['content-encoding']).toBe('br');
  });

  it('does not compress under 1 KB, without Accept-Encoding or with x-no-compression', async () => {
    expect((await get('/json?chars=300', 'gzip')).headers['content-encoding']).toBeUndefined();
    expect((await get('/json?chars=1500')).headers['content-encoding']).toBeUndefined();
    const opted = await app.inject({
      method: 'GET',
      url: '/json?chars=1500',
      headers: { 'accept-encoding': 'gzip', 'x-no-compression': '1' },
    });
    expect(opted.headers['content-encoding']).toBeUndefined();
    expect(opted.json()).toEqual(body(1500));
  });

  it('leaves other content types to the plugin', async () => {
    expect((await get('/text', 'gzip')).headers['content-encoding']).toBe('gzip');
  });

  it('reads q-values in Accept-Encoding', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('br, *;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
