import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recoveryCodes, sessions, users } from '../../db/schema';

export async function setPendingTotpSecret(db: Executor, userId: string, sealed: string, now: Date) {
  await db
    .update(users)
    .set({ totpSecret: sealed, totpEnabledAt: null, updatedAt: now })
    .where(eq(users.id, userId));
}

export async function enableTotp(db: Executor, userId: string, now: Date) {
  await db.update(users).set({ totpEnabledAt: now, updatedAt: now }).where(eq(users.id, userId));
}

export async function markSecondFactor(db: Executor, sessionId: string, now: Date) {
  await db.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, sessionId));
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[], now: Date) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

/** Uses the code in one statement, so two requests racing with the same code cannot both pass. */
export async function useRecoveryCode(
  db: Executor,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
