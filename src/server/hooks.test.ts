import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/fixtures/test-db';
import { queryRows, type Database, type Executor } from './db/client';
import { createMemberHooks, memberHooks, type MemberListeners } from './hooks';
import { writeAudit } from './modules/audit/audit.service';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const entries = async (action: string) =>
  (
    await queryRows<{ entityId: string }>(
      database.db,
      sql`select entity_id as "entityId" from audit_log where action = ${action} order by id`,
    )
  ).map((r) => r.entityId);

describe('member hooks', () => {
  it('runs the listeners in order, inside the caller’s transaction', async () => {
    const seen: { name: string; tx: Executor; memberIds: string[] }[] = [];
    const listener = (name: string) => async (tx: Executor, memberIds: string[]) => {
      seen.push({ name, tx, memberIds });
      await writeAudit(tx, null, { action: 'test.placed', entityType: 'member', entityId: name });
    };
    const hooks = createMemberHooks({
      membersPlaced: [listener('first'), listener('second')],
      membershipEnded: [],
    });
    let caller: Executor | undefined;
    await database.db.transaction(async (tx) => {
      caller = tx;
      await hooks.membersPlaced(tx, ['m1']);
    });
    expect(seen.map((s) => s.name)).toEqual(['first', 'second']);
    expect(seen.every((s) => s.tx === caller && s.memberIds[0] === 'm1')).toBe(true);
    expect(await entries('test.placed')).toEqual(['first', 'second']);
  });

  it('a listener that throws rolls the caller’s change back with the listeners before it', async () => {
    const listeners: MemberListeners = {
      membersPlaced: [],
      membershipEnded: [
        async (tx, ended) => {
          await writeAudit(tx, null, {
            action: 'test.ended',
            entityType: 'member',
            entityId: ended.memberId,
          });
        },
        async () => {
          throw new Error('listener failed');
        },
        async () => {
          throw new Error('never reached');
        },
      ],
    };
    const hooks = createMemberHooks(listeners);
    const change = database.db.transaction(async (tx) => {
      await writeAudit(tx, null, { action: 'test.caller', entityType: 'member', entityId: 'm2' });
      await hooks.membershipEnded(tx, { actor: null, memberId: 'm2', reason: 'expelled' });
    });
    await expect(change).rejects.toThrow('listener failed');
    expect(await entries('test.caller')).toEqual([]);
    expect(await entries('test.ended')).toEqual([]);
  });

  it('the application wires every hook', () => {
    const wired = memberHooks();
    expect(Object.keys(wired).sort()).toEqual(['membersPlaced', 'membershipEnded']);
  });
});
