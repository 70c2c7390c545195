import { inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginThrottle } from '../../db/schema';

export function findThrottles(db: Executor, keys: string[]) {
  return db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
}

/**
 * One more failure under `key`, in one statement so parallel requests on several servers all count: a window
 * older than `windowMs` starts again at 1. Returns the count in the current window.
 */
export async function addFailure(db: Executor, key: string, now: Date, windowMs: number): Promise<number> {
  const windowStart = new Date(now.getTime() - windowMs);
  const rows = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now} else ${loginThrottle.windowStartedAt} end`,
        updatedAt: now,
      },
    })
    .returning({ failures: loginThrottle.failures });
  return rows[0]!.failures;
}

export async function setBlockedUntil(db: Executor, key: string, until: Date) {
  await db
    .update(loginThrottle)
    .set({ blockedUntil: until })
    .where(sql`${loginThrottle.key} = ${key}`);
}

export async function clearThrottles(db: Executor, keys: string[]) {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}

/** Rows nobody touched for a day hold no limit any more. */
export async function deleteStaleThrottles(db: Executor, before: Date) {
  await db.delete(loginThrottle).where(lt(loginThrottle.updatedAt, before));
}
