import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { registerMessages } from '../i18n/messages';
import { BadRequest, Conflict, Invalid } from './errors';
import { idempotencyMessages } from './idempotency.messages';
import * as repo from './idempotency.repository';

export { purgeIdempotencyKeys } from './idempotency.repository';

registerMessages(idempotencyMessages);

/**
 * `Idempotency-Key` on every change under /api (decision 0012). The first request with a key claims it (one
 * indexed insert); its 2xx answer is kept 24 h and replayed, byte for byte with its status, to any retry with
 * the same key, marked `Idempotent-Replayed: true`. A retry arriving while the first is still at work waits for
 * its answer. A 4xx/5xx releases the key so the corrected request can be sent again with it. Keys belong to
 * the signed-in user (an anonymous request's key is ignored), so a replay never shows one user another's answer.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** how long a parallel retry waits for the first request's answer before giving up with 409 */
const WAIT_LIMIT_MS = 15_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: repo.KeyRef | null;
  }
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method}\n${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function replay(reply: FastifyReply, kept: repo.KeptAnswer): FastifyReply {
  const { contentType, body } = kept.responseBody!;
  return reply.code(kept.statusCode!).header('content-type', contentType).header(REPLAYED_HEADER, 'true').send(body);
}

/** The key's owner is working on it (or has finished): wait for its answer, bounded, or take the key if released. */
async function claimOrReplay(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, ref: repo.KeyRef): Promise<FastifyReply | null> {
  const hash = requestHash(request);
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (let pause = 25; ; pause = Math.min(pause * 2, 250)) {
    const now = ctx.clock.now();
    if (await repo.claimKey(ctx.db, { ...ref, method: request.method, path: request.url, requestHash: hash }, now)) {
      request.idempotency = ref;
      return null;
    }
    const kept = await repo.findKey(ctx.db, ref, now);
    if (kept && kept.requestHash !== hash) throw new Invalid('idempotency_key_reused');
    if (kept?.statusCode && kept.responseBody) return replay(reply, kept);
    if (Date.now() > deadline) throw new Conflict('idempotency_key_in_progress');
    // still in progress: wait; released meanwhile (the first failed): claim it at once
    if (kept) await sleep(pause);
  }
}

/**
 * The JSON text of an answer: the serialised string, or a small answer already gzipped by an earlier onSend hook
 * (http/compression.ts), unpacked so the replay is encoded for the retry's own Accept-Encoding.
 */
function jsonText(reply: FastifyReply, payload: unknown): string | null {
  if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return null;
  if (typeof payload === 'string') return payload;
  if (!Buffer.isBuffer(payload)) return null;
  const encoding = reply.getHeader('content-encoding');
  if (!encoding) return payload.toString('utf8');
  if (encoding === 'gzip') return gunzipSync(payload).toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(payload).toString('utf8');
  return null;
}

export function registerIdempotency(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('idempotency', null);

  // After the session hook: the key belongs to the resolved actor.
  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !CHANGES.has(request.method) || !request.actor || !request.url.startsWith('/api/')) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw new BadRequest('idempotency_key_invalid');
    // A file upload's body is a stream, not part of the hash: uploads are not replayed.
    if (request.isMultipart()) return;
    const replayed = await claimOrReplay(ctx, request, reply, { userId: request.actor.userId, key: header });
    if (replayed) return replayed;
  });

  // The answer as sent; the JSON text is kept, a file is not (the request goes through again).
  app.addHook('onSend', async (request, reply, payload) => {
    const ref = request.idempotency;
    if (!ref) return payload;
    request.idempotency = null;
    const text = reply.statusCode >= 200 && reply.statusCode < 300 ? jsonText(reply, payload) : null;
    try {
      if (text !== null) {
        const contentType = String(reply.getHeader('content-type'));
        await repo.finishKey(ctx.db, ref, reply.statusCode, contentType, text, ctx.clock.now());
      } else {
        await repo.releaseKey(ctx.db, ref);
      }
    } catch (err) {
      request.log.error({ err }, 'idempotency key not finished');
      await repo.releaseKey(ctx.db, ref).catch(() => undefined);
    }
    return payload;
  });
}

/** OpenAPI (`transformObject`): the header as one shared parameter, referenced by every change under /api. */
export const documentIdempotencyHeader: NonNullable<FastifyDynamicSwaggerOptions['transformObject']> = (input) => {
  if (!('openapiObject' in input)) return input.swaggerObject;
  const doc = input.openapiObject as { paths?: Record<string, Record<string, unknown>>; components?: Record<string, unknown> };
  const ref = { $ref: '#/components/parameters/IdempotencyKey' };
  const parameters = {
    ...((doc.components?.parameters as Record<string, unknown> | undefined) ?? {}),
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'One random key per submission (e.g. a UUID). The first 2xx answer is kept 24 h per user and replayed, with the header ' +
        '`Idempotent-Replayed: true`, to a retry with the same key; a parallel retry waits for the first answer. A 4xx/5xx ' +
        'releases the key. The same key with a different request answers 422 `idempotency_key_reused`.',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    },
  };
  const paths = Object.fromEntries(
    Object.entries(doc.paths ?? {}).map(([path, ops]) => [
      path,
      Object.fromEntries(
        Object.entries(ops).map(([method, op]) =>
          CHANGES.has(method.toUpperCase()) && path.startsWith('/api/') && op && typeof op === 'object'
            ? [method, { ...op, parameters: [...(((op as { parameters?: unknown[] }).parameters) ?? []), ref] }]
            : [method, op],
        ),
      ),
    ]),
  );
  return { ...doc, paths, components: { ...doc.components, parameters } } as typeof input.openapiObject;
};
