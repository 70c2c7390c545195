import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/client';
import { createTestDatabase } from '../../../tests/fixtures/test-db';
import { buildTestApp, type TestApp } from '../../../tests/fixtures/app';
import { CASE_NAMES, countRows, idempotencyWorld, send, type CreateCase } from '../../../tests/fixtures/idempotency-cases';
import { jobs } from '../jobs/registry';
import { purgeIdempotencyKeys } from './idempotency';
import { claimKey } from './idempotency.repository';

/** Issue 12: the `Idempotency-Key` header on every change (decision 0012). */

let database: Database;
let t: TestApp;
let w: Awaited<ReturnType<typeof idempotencyWorld>>;
let n = 0;
const next = () => ++n;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  w = await idempotencyWorld(database, t);
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe.each(CASE_NAMES)('with the header: %s', (name) => {
  const c = () => w.cases.find((x) => x.name === name) as CreateCase;

  it('the same request twice makes one record and the retry gets the same answer, marked replayed', async () => {
    const body = c().body(next());
    const key = randomUUID();
    const before = await countRows(database, c().table);
    const first = await send(t, c().who(), c().url, body, key);
    expect(first.statusCode, `${c().name}: ${first.body}`).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await send(t, c().who(), c().url, body, key);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await countRows(database, c().table)).toBe(before + 1);
  });

  it('10 in parallel with one key make one record and every answer is the same', async () => {
    const body = c().body(next());
    const key = randomUUID();
    const before = await countRows(database, c().table);
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(t, c().who(), c().url, body, key)));
    expect(new Set(answers.map((r) => r.statusCode))).toEqual(new Set([201]));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await countRows(database, c().table)).toBe(before + 1);
  });

  it('the same key with a different request is refused with a translated 422', async () => {
    const key = randomUUID();
    expect((await send(t, c().who(), c().url, c().body(next()), key)).statusCode).toBe(201);
    const before = await countRows(database, c().table);
    const vi = await send(t, c().who(), c().url, c().body(next()), key, 'vi');
    expect(vi.statusCode).toBe(422);
    expect(vi.json().error.code).toBe('idempotency_key_reused');
    expect(vi.json().error.message).toContain('khóa mới');
    const en = await send(t, c().who(), c().url, c().body(next()), key, 'en');
    expect(en.json().error.message).toContain('new key');
    expect(await countRows(database, c().table)).toBe(before);
  });
});

describe('the header: failures, other users, scope, expiry', () => {
  it('a 4xx first attempt releases the key: the corrected retry with the same key succeeds', async () => {
    const key = randomUUID();
    const body = w.cases[3]!.body(next());
    const wrong = await send(t, w.s.secretary, '/api/warnings', { ...body, deadline: '2026-11-01' }, key);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields.deadline).toBeTruthy();
    const fixed = await send(t, w.s.secretary, '/api/warnings', body, key);
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a compressed answer is kept as its JSON and replayed to a retry that accepts another encoding', async () => {
    const c = w.cases.find((x) => x.name === 'meeting')!;
    const body = c.body(next());
    const key = randomUUID();
    const decode = (r: { rawPayload: Buffer; headers: Record<string, unknown> }) =>
      r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.rawPayload).toString() : r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.rawPayload).toString() : r.rawPayload.toString();
    const headers = { ...c.who().headers, 'idempotency-key': key };
    const first = await t.app.inject({ method: 'POST', url: c.url, headers: { ...headers, 'accept-encoding': 'gzip' }, payload: body });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: c.url, headers: { ...headers, 'accept-encoding': 'identity' }, payload: body });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.body).toBe(decode(first));
  });

  it('a claim left in progress by a server that died is taken over after 5 minutes', async () => {
    const c = w.cases.find((x) => x.name === 'activity')!;
    const key = randomUUID();
    const body = c.body(next());
    const [{ userId }] = await queryRows<{ userId: string }>(database.db, sql`select id as "userId" from users where username = 'idem.secretary'`);
    // the dead server's claim: never finished
    expect(await claimKey(database.db, { userId, key, method: 'POST', path: c.url, requestHash: 'dead-server' }, t.clock.now())).toBe(true);
    t.clock.advance(4 * 60_000);
    expect(await claimKey(database.db, { userId, key, method: 'POST', path: c.url, requestHash: 'dead-server' }, t.clock.now())).toBe(false);
    t.clock.advance(2 * 60_000);
    const res = await send(t, c.who(), c.url, body, key);
    expect(res.statusCode, res.body).toBe(201);
    expect((await send(t, c.who(), c.url, body, key)).headers['idempotent-replayed']).toBe('true');
  });

  it('another user’s same key is independent, and a replay never shows one user’s answer to another', async () => {
    const key = randomUUID();
    const body = w.cases[4]!.body(next());
    const mine = await send(t, w.s.secretary, '/api/activities', body, key);
    expect(mine.statusCode).toBe(201);
    // a colleague with the same key and another activity gets their own record
    const colleague = await send(t, w.s.deputy, '/api/activities', w.cases[4]!.body(next()), key);
    expect(colleague.statusCode).toBe(201);
    expect(colleague.headers['idempotent-replayed']).toBeUndefined();
    expect(colleague.json().id).not.toBe(mine.json().id);
    // a secretary of another cell replaying the exact request and key: not found, not the first answer
    const outsider = await send(t, w.s.other, '/api/activities', body, key);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toContain(mine.json().id);
  });

  it('a workflow step sent twice with one key is done once and answered the same (withdraw a warning)', async () => {
    const created = await send(t, w.s.secretary, '/api/warnings', w.cases[3]!.body(next()), randomUUID());
    const url = `/api/warnings/${created.json().id}/withdraw`;
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(t, w.s.secretary, url, {}, key)));
    expect(new Set(answers.map((r) => r.statusCode))).toEqual(new Set([200]));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(answers[0]!.json().status).toBe('withdrawn');
    // without the key the second withdrawal is a real second attempt: the state machine refuses it
    expect((await send(t, w.s.secretary, url, {})).statusCode).toBe(409);
  });

  it('without a session the header is ignored; a malformed key is a 400', async () => {
    const login = () => t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'idempotency-key': 'k1' }, payload: { login: 'nobody', password: 'wrong-password' } });
    expect((await login()).statusCode).toBe(401);
    expect((await login()).headers['idempotent-replayed']).toBeUndefined();
    const bad = await send(t, w.s.secretary, '/api/activities', w.cases[4]!.body(next()), 'has space');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('idempotency_key_invalid');
  });

  it('is documented in OpenAPI as a shared header parameter of every change', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    const refs = (op: { parameters?: { $ref?: string }[] }) => (op.parameters ?? []).map((p) => p.$ref);
    expect(refs(doc.paths['/api/warnings'].post)).toContain('#/components/parameters/IdempotencyKey');
    expect(refs(doc.paths['/api/warnings'].get)).not.toContain('#/components/parameters/IdempotencyKey');
  });

  it('a kept answer replays for 24 h; after that the key counts as absent and old rows are purged', async () => {
    const key = randomUUID();
    const body = w.cases[4]!.body(next());
    const first = await send(t, w.s.secretary, '/api/activities', body, key);
    t.clock.advance(23 * 3_600_000);
    const within = await send(t, w.s.secretary, '/api/activities', body, key);
    expect(within.headers['idempotent-replayed']).toBe('true');
    expect(within.body).toBe(first.body);
    t.clock.advance(1 * 3_600_000 + 60_000);
    const before = await countRows(database, 'activities');
    const after = await send(t, w.s.secretary, '/api/activities', body, key);
    expect(after.statusCode).toBe(201);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(after.json().id).not.toBe(first.json().id);
    expect(await countRows(database, 'activities')).toBe(before + 1);
    // the hourly job purges every key older than a day, and only those
    const purge = jobs.find((j) => j.name === 'idempotency.purge')!;
    const kept = await countRows(database, 'idempotency_keys');
    const result = (await purge.run({ db: database.db, clock: t.clock, overdueDays: 15 })) as { purged: number };
    expect(result.purged).toBeGreaterThan(0);
    expect(await countRows(database, 'idempotency_keys')).toBe(kept - result.purged);
    expect(await countRows(database, 'idempotency_keys')).toBe(1);
    t.clock.advance(25 * 3_600_000);
    expect(await purgeIdempotencyKeys(database.db, t.clock.now())).toBe(1);
    expect(await countRows(database, 'idempotency_keys')).toBe(0);
  });
});
