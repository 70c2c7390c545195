import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../db/client';
import { createTestDatabase } from '../../../tests/fixtures/test-db';
import { buildTestApp, type TestApp } from '../../../tests/fixtures/app';
import { newUser } from '../../../tests/fixtures/factories';
import { countRows, idempotencyWorld, send, type CreateCase } from '../../../tests/fixtures/idempotency-cases';

/**
 * Issue 12: without the header, the domain's natural keys (migration 0013) still make a double submission one
 * record: the second identical create answers the first (200, same body); the same key with other content is a
 * 409 with a message the user can act on; an actor out of reach gets 404 whatever exists.
 */

let database: Database;
let t: TestApp;
let w: Awaited<ReturnType<typeof idempotencyWorld>>;
let n = 100;
const next = () => ++n;

/** each natural key's create with the key kept and one other field changed, and the code it answers */
const CONFLICTS: Record<string, { change: Record<string, unknown>; code: string }> = {
  'residence notice': { change: { newJobTitle: 'Phó phòng' }, code: 'notice_exists' },
  '"known here, no letter" request without a card number': { change: { phone: '0912345678' }, code: 'request_exists' },
  meeting: { change: { place: 'Hội trường phường' }, code: 'meeting_exists' },
  warning: { change: { deadline: '2027-04-30' }, code: 'warning_exists' },
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = await buildTestApp(database, { sessionTtlHours: 24 * 365 });
  w = await idempotencyWorld(database, t);
  await newUser(database.db, { username: 'idem.an', memberId: w.an.id, grants: [{ role: 'member' }] });
});

afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe.each(Object.keys(CONFLICTS))('without the header: %s', (name) => {
  const c = () => w.cases.find((x) => x.name === name) as CreateCase;

  it('sent twice → one record; the second answers the first with 200 and the same body', async () => {
    const body = c().body(next());
    const before = await countRows(database, c().table);
    const first = await send(t, c().who(), c().url, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await send(t, c().who(), c().url, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await countRows(database, c().table)).toBe(before + 1);
  });

  it('10 in parallel → one record, one 201 and nine 200 with the same body', async () => {
    const body = c().body(next());
    const before = await countRows(database, c().table);
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(t, c().who(), c().url, body)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((r) => JSON.stringify(r.json()))).size).toBe(1);
    expect(await countRows(database, c().table)).toBe(before + 1);
  });

  it('the same key with other content is a 409 the user can act on, and nothing is created', async () => {
    const body = c().body(next());
    expect((await send(t, c().who(), c().url, body)).statusCode).toBe(201);
    const before = await countRows(database, c().table);
    const { change, code } = CONFLICTS[name]!;
    const res = await send(t, c().who(), c().url, { ...body, ...change }, undefined, 'en');
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).not.toBe(code);
    expect(await countRows(database, c().table)).toBe(before);
  });
});

describe('natural keys: invitations, cards, scope', () => {
  it('a meeting scheduled 10 times at once invites each member once', async () => {
    const c = w.cases.find((x) => x.name === 'meeting')!;
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(t, c.who(), c.url, { ...c.body(27), title: 'Sinh hoạt chuyên đề' })));
    const id = answers[0]!.json().id as string;
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from notifications nt join users u on u.id = nt.user_id
          where u.username = 'idem.an' and nt.kind = 'meeting_invited' and nt.link = ${`/meetings/${id}`}`,
    );
    expect(row!.n).toBe(1);
  });

  it('a request with a card number sent again answers the open one instead of a 409', async () => {
    const body = { communeId: w.a.commune.id, fullName: 'Nguyễn Văn An', cardNumber: '63000001' };
    const first = await send(t, w.s.commune, '/api/introductions/requests', body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await send(t, w.s.commune, '/api/introductions/requests', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await send(t, w.s.commune, '/api/introductions/requests', { ...body, phone: '0987654321' })).json().error.code).toBe('request_exists');
  });

  it('an actor out of reach sending an existing record’s exact create gets 404, not the record', async () => {
    const c = w.cases.find((x) => x.name === 'warning')!;
    const body = c.body(next());
    const mine = await send(t, c.who(), c.url, body);
    expect(mine.statusCode).toBe(201);
    const outsider = await send(t, w.s.other, c.url, body);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toContain(mine.json().id);
  });

  it('a cancelled meeting frees its key: the same start and title can be scheduled again', async () => {
    const c = w.cases.find((x) => x.name === 'meeting')!;
    const body = { ...c.body(26), title: 'Sinh hoạt đột xuất' };
    const first = await send(t, c.who(), c.url, body);
    expect(first.statusCode).toBe(201);
    expect((await send(t, c.who(), `/api/meetings/${first.json().id}/cancel`, { reason: 'Trùng lịch họp phường' })).statusCode).toBe(200);
    const again = await send(t, c.who(), c.url, body);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(first.json().id);
  });
});
