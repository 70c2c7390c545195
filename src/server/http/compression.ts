import { gzipSync } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * API JSON compressed on the fly once over 1 KB (decision 0009): brotli (quality 4, the plugin's default) from
 * 4 KB, gzip below. Measured on this machine (decision 0015): for a 1.3 KB member record brotli costs ~110–140 µs
 * against ~30 µs for gzip, for the same bytes (±2 %); from ~10 KB on brotli is as fast and a few per cent
 * smaller. The web app's files are compressed once by the build instead.
 */
export const COMPRESS_THRESHOLD = 1024;
export const SMALL_JSON_MAX = 4 * 1024;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: COMPRESS_THRESHOLD });
  // App-level onSend hooks run before the plugin's route-level one, which leaves an encoded payload alone.
  app.addHook('onSend', async (request, reply, payload) => compressSmallJson(request, reply, payload));
}

function compressSmallJson(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (
    typeof payload !== 'string' ||
    payload.length < COMPRESS_THRESHOLD / 4 ||
    payload.length > SMALL_JSON_MAX
  )
    return payload;
  if (
    reply.getHeader('content-encoding') ||
    reply.statusCode === 206 ||
    request.headers['x-no-compression'] !== undefined
  )
    return payload;
  if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
  const body = Buffer.from(payload);
  if (
    body.length < COMPRESS_THRESHOLD ||
    body.length > SMALL_JSON_MAX ||
    !acceptsGzip(request.headers['accept-encoding'])
  )
    return payload;
  // a 4 KB window holds the whole payload (so the same bytes as the default 32 KB) and is cheaper to set up
  const compressed = gzipSync(body, { windowBits: 12, memLevel: 7 });
  const vary = reply.getHeader('vary');
  if (!vary) reply.header('vary', 'accept-encoding');
  else if (!/accept-encoding/i.test(String(vary))) reply.header('vary', `${String(vary)}, accept-encoding`);
  reply.header('content-encoding', 'gzip');
  reply.header('content-length', compressed.length);
  return compressed;
}

/** Whether an Accept-Encoding header allows gzip (by name, `x-gzip` or `*`, with a q-value above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (name === 'gzip' || name === 'x-gzip') gzip = Number.isNaN(q) ? 0 : q;
    else if (name === '*') any = Number.isNaN(q) ? 0 : q;
  }
  return (gzip ?? any ?? 0) > 0;
}
