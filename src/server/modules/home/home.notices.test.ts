import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { cardOf, COMPLETE, counts, ev, home, put, s, setUpHome, tearDownHome } from './home.fixture';

// Each test on a fresh world: saving forms changes the counts and notices every other test reads.
beforeEach(setUpHome);
afterEach(tearDownHome);

describe('the Front head is told when a form is ready for her co-signature', () => {
  const notices = () =>
    queryRows<{ params: Record<string, unknown>; readAt: string | null; link: string }>(
      home.database.db,
      sql`select n.params, n.read_at as "readAt", n.link from notifications n join users u on u.id = n.user_id
          where u.username = 'home.front' and n.kind = 'evaluation_awaiting_front_sign' order by n.created_at`,
    );
  const mails = async () =>
    (
      await queryRows<{ n: number }>(
        home.database.db,
        sql`select count(*)::int as n from email_outbox where to_address = 'mattran.h1@example.vn'`,
      )
    )[0]!.n;
  const save = (id: string, ratings: Record<string, string>, otherComments = 'Gương mẫu') =>
    put(s.secretary, `/api/evaluations/${id}/form`, {
      ratings,
      justifications: {},
      otherComments,
      jointMeetingOn: '2026-11-20',
      jointMeetingParticipants: 'Chi ủy, Ban công tác Mặt trận',
    });

  it('an incomplete draft tells her nothing; the complete one once, however often it is saved again', async () => {
    expect((await save(ev.an, { example: 'good' })).statusCode).toBe(200);
    expect(await notices()).toHaveLength(0);
    const done = await save(ev.an, COMPLETE);
    expect(done.statusCode, done.body).toBe(200);
    // the step retried, and an edit while it waits: still the one notice and the one e-mail
    expect((await save(ev.an, COMPLETE)).statusCode).toBe(200);
    expect((await save(ev.an, COMPLETE, 'Gương mẫu, nhiệt tình')).statusCode).toBe(200);
    const list = await notices();
    expect(list).toHaveLength(1);
    expect(list[0]!.params).toMatchObject({ member: 'Nguyễn Văn An', year: 2026, count: 1 });
    expect(list[0]!.link).toBe('/evaluations?side=front&queue=awaitingFront');
    expect(await mails()).toBe(1);
    expect(counts(await cardOf(s.front, 'front'))).toEqual({ formsToCoSign: 2 });
  });

  it('the next form ready while she has not read it raises the count (no second e-mail); after reading, a new notice', async () => {
    expect((await save(ev.an, COMPLETE)).statusCode).toBe(200);
    expect((await save(ev.chi, COMPLETE)).statusCode).toBe(200);
    let list = await notices();
    expect(list).toHaveLength(1);
    expect(list[0]!.params).toMatchObject({ member: 'Lê Thị Chi', count: 2 });
    expect(await mails()).toBe(1);
    await home.database.db.execute(
      sql`update notifications set read_at = now() where kind = 'evaluation_awaiting_front_sign'`,
    );
    // a returned form corrected by the cell is ready again
    expect((await save(ev.khanh, COMPLETE)).statusCode).toBe(200);
    list = await notices();
    expect(list).toHaveLength(2);
    expect(list[1]!.params).toMatchObject({ member: 'Đỗ Văn Khánh', count: 1 });
    expect(await mails()).toBe(2);
  });

  it('a co-signed form changed by the cell loses the signature and waits for her again', async () => {
    await home.database.db.execute(
      sql`update notifications set read_at = now() where kind = 'evaluation_awaiting_front_sign'`,
    );
    const changed = { ...COMPLETE, campaigns: 'very_active' };
    expect((await save(ev.dung, changed)).statusCode).toBe(200);
    const list = await notices();
    expect(list).toHaveLength(1);
    expect(list[0]!.params).toMatchObject({ member: 'Phạm Văn Dũng' });
    expect(counts(await cardOf(s.secretary, 'cell'))).toMatchObject({ formsToSign: 0 });
  });
});
