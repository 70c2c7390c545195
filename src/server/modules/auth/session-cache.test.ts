import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import type { Actor } from '../../http/actor';
import { createTestDatabase } from '../../../../tests/fixtures/test-db';
import { newMember, newProvinceTree, newUser } from '../../../../tests/fixtures/factories';
import { buildTestApp, loginAs, type Session, type TestApp } from '../../../../tests/fixtures/app';
import { createSessionCache } from './session-cache';

const actor = (userId: string) => ({ userId, grants: [], requestId: 'r0', ip: '::1' }) as unknown as Actor;
const meta = { requestId: 'r1', ip: '10.0.0.1' };

describe('session cache (unit)', () => {
  it('keeps an actor for at most ttlMs of real time and of the application clock', () => {
    let now = 0;
    const cache = createSessionCache({ ttlMs: 2000, now: () => now });
    const clock = new Date('2026-11-23T08:00:00Z');
    cache.set('t', actor('u1'), cache.generation(), clock);
    expect(cache.get('t', meta, clock)).toMatchObject({ userId: 'u1', requestId: 'r1', ip: '10.0.0.1' });
    now = 1999;
    expect(cache.get('t', meta, clock)).toBeDefined();
    expect(cache.get('t', meta, new Date(clock.getTime() + 2000))).toBeUndefined();
    cache.set('t', actor('u1'), cache.generation(), clock);
    now = 4000;
    expect(cache.get('t', meta, clock)).toBeUndefined();
  });

  it('does not store what a read resolved before a clear (a raced mutation), and clear forgets everything', () => {
    const cache = createSessionCache({ ttlMs: 2000 });
    const clock = new Date();
    const before = cache.generation();
    cache.clear();
    cache.set('t', actor('u1'), before, clock);
    expect(cache.get('t', meta, clock)).toBeUndefined();
    cache.set('t', actor('u1'), cache.generation(), clock);
    cache.clear();
    expect(cache.get('t', meta, clock)).toBeUndefined();
  });

  it('is bounded, oldest first, and off with ttlMs 0', () => {
    const cache = createSessionCache({ ttlMs: 2000, maxEntries: 2 });
    const clock = new Date();
    for (const t of ['a', 'b', 'c']) cache.set(t, actor(t), cache.generation(), clock);
    expect(cache.size).toBe(2);
    expect(cache.get('a', meta, clock)).toBeUndefined();
    expect(cache.get('c', meta, clock)).toBeDefined();
    const off = createSessionCache({ ttlMs: 0 });
    off.set('a', actor('a'), off.generation(), clock);
    expect(off.get('a', meta, clock)).toBeUndefined();
  });
});

describe('session cache in the app (SESSION_CACHE_SECONDS=5)', () => {
  let database: Database;
  let t: TestApp;
  let officer: Session;
  let officerB: Session;
  let member: { id: string };
  let memberB: { id: string };
  let officerId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await buildTestApp(database, { sessionCacheSeconds: 5 });
    const a = await newProvinceTree(database.db, 'A');
    const b = await newProvinceTree(database.db, 'B');
    member = await newMember(database.db, { cellId: a.residentialCell.id, residenceCommuneId: a.commune.id });
    memberB = await newMember(database.db, {
      cellId: b.residentialCell.id,
      residenceCommuneId: b.commune.id,
    });
    officerId = (
      await newUser(database.db, {
        username: 'officer.a',
        grants: [{ role: 'committee_officer', unitId: a.commune.id }],
      })
    ).id;
    await newUser(database.db, {
      username: 'officer.b',
      grants: [{ role: 'committee_officer', unitId: b.commune.id }],
    });
    officer = await loginAs(t.app, 'officer.a');
    officerB = await loginAs(t.app, 'officer.b');
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  const read = (s: Session, id: string) =>
    t.app.inject({ method: 'GET', url: `/api/members/${id}`, headers: { cookie: s.cookie } });

  it('two officers of the same shape share a statement but each keeps to their own reach', async () => {
    expect((await read(officer, member.id)).statusCode).toBe(200);
    expect((await read(officerB, memberB.id)).statusCode).toBe(200);
    expect((await read(officer, memberB.id)).statusCode).toBe(404);
    expect((await read(officerB, member.id)).statusCode).toBe(404);
  });

  it('a change made outside this process (another server) is seen once the entry is older than the TTL', async () => {
    expect((await read(officer, member.id)).statusCode).toBe(200);
    await database.db.execute(sql`update role_grants set revoked_at = now() where user_id = ${officerId}`);
    // within the documented bound the cached session may still read
    expect((await read(officer, member.id)).statusCode).toBe(200);
    t.clock.advance(5_000);
    expect((await read(officer, member.id)).statusCode).toBe(404);
    await database.db.execute(sql`update role_grants set revoked_at = null where user_id = ${officerId}`);
    t.clock.advance(5_000);
    expect((await read(officer, member.id)).statusCode).toBe(200);
  });

  it('a mutation through this process drops the cache at once: after logout the session reads nothing', async () => {
    // a session of its own: the other tests keep reading with theirs
    const own = await loginAs(t.app, 'officer.a');
    expect((await read(own, member.id)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: own.headers });
    expect(out.statusCode).toBeLessThan(300);
    expect((await read(own, member.id)).statusCode).toBe(401);
  });
});
