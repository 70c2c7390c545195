import { createHash } from 'node:crypto';
import { Invalid } from '../../http/errors';
import { translate } from '../../i18n/messages';
import { writeAudit } from '../audit/audit.service';
import { enqueueEmail } from '../notifications/notifications.service';
import type { AuthDeps } from './auth.service';
import * as authRepo from './auth.repository';
import { clearFailures, throttleKeys } from './login-throttle';
import { hashPassword } from './password';
import * as repo from './password-reset.repository';
import { newToken } from './tokens';

/** A reset link works once, for 30 minutes; at most 3 mails per account in 15 minutes. */
export const RESET_LINK_MINUTES = 30;
const MAILS_PER_WINDOW = 3;
const MAIL_WINDOW_MS = 15 * 60_000;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * "Forgot password": the same answer whether or not the login exists, has an e-mail or is disabled, so the
 * form tells nobody which accounts there are. The mail goes through the outbox with the rest.
 */
export async function requestPasswordReset(
  deps: AuthDeps,
  login: string,
  meta: { ip: string; requestId: string },
): Promise<void> {
  const candidates = await authRepo.findUserByLogin(deps.db, login.trim());
  const user = candidates.length === 1 ? candidates[0] : undefined;
  if (!user || !user.isActive || !user.email) return;
  const now = deps.now();
  if (
    (await repo.countRecentResetTokens(deps.db, user.id, new Date(now.getTime() - MAIL_WINDOW_MS))) >=
    MAILS_PER_WINDOW
  )
    return;
  const token = newToken();
  const link = `${deps.publicUrl.replace(/\/$/, '')}/reset-password?token=${token}`;
  const params = { name: user.displayName, link, minutes: RESET_LINK_MINUTES };
  await deps.db.transaction(async (tx) => {
    await repo.insertResetToken(tx, {
      id: tokenId(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      createdAt: now,
      ip: meta.ip,
    });
    await enqueueEmail(tx, {
      to: user.email!,
      subject: translate(user.locale, 'mail.password_reset.subject'),
      text: translate(user.locale, 'mail.password_reset.body', params),
    });
    await writeAudit(
      tx,
      { ...systemActor(meta), userId: user.id },
      {
        action: 'auth.password_reset_requested',
        entityType: 'user',
        entityId: user.id,
      },
    );
  });
}

/** The link's page: a new password (same rules as ever), every session ended, the link spent. */
export async function confirmPasswordReset(
  deps: AuthDeps,
  input: { token: string; newPassword: string },
  meta: { ip: string; requestId: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const userId = await repo.claimResetToken(tx, tokenId(input.token), now);
    if (!userId) throw new Invalid('reset_link_invalid');
    await repo.setPassword(tx, userId, passwordHash, now);
    await repo.spendUserResetTokens(tx, userId, now);
    await authRepo.deleteAllSessions(tx, userId);
    await clearFailures(tx, [throttleKeys.account(userId)]);
    await writeAudit(
      tx,
      { ...systemActor(meta), userId },
      { action: 'auth.password_reset', entityType: 'user', entityId: userId },
    );
  });
}

/** The audit entry's actor for a request made without a session: the account it is about, with the address. */
function systemActor(meta: { ip: string; requestId: string }) {
  return {
    userId: '',
    username: '',
    displayName: '',
    email: null,
    phone: null,
    memberId: null,
    locale: 'vi' as const,
    grants: [],
    sessionId: '',
    csrfToken: '',
    requestId: meta.requestId,
    ip: meta.ip,
  };
}
