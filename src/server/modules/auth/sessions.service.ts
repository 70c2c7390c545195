import type { SessionItem } from '../../../shared/contracts/account-security';
import type { Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import type { AuthDeps } from './auth.service';
import * as repo from './auth.repository';

/** The user's own sessions, newest activity first, this one marked. */
export async function listSessions(deps: AuthDeps, actor: Actor): Promise<{ items: SessionItem[] }> {
  const rows = await repo.listUserSessions(deps.db, actor.userId, deps.now());
  return {
    items: rows.map((s) => ({
      id: s.id,
      userAgent: s.userAgent ?? null,
      ip: s.ip ?? null,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.id === actor.sessionId,
      secondFactor: !!s.secondFactorAt,
    })),
  };
}

/** Ends one of the user's sessions (someone else's is not found). */
export async function revokeSession(deps: AuthDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await repo.deleteUserSession(tx, actor.userId, id))) throw new NotFound();
    await writeAudit(tx, actor, {
      action: 'auth.session_revoked',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

export async function revokeOtherSessions(deps: AuthDeps, actor: Actor): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await repo.deleteOtherSessions(tx, actor.userId, actor.sessionId);
    await writeAudit(tx, actor, {
      action: 'auth.other_sessions_revoked',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}
