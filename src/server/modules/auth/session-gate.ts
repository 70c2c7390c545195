import type { Me } from '../../../shared/contracts/auth';
import type { Actor, SessionSecurity } from '../../http/actor';
import { Forbidden } from '../../http/errors';

export type PendingStep = Me['security']['pending'];

/**
 * The step a session must take before it reaches the app (decision 0013), in order: the code of an enrolled
 * authenticator, then the new password an admin's account asks for, then (admins and committee officers)
 * enrolling an authenticator.
 */
export function pendingStep(s: SessionSecurity | undefined): PendingStep {
  if (!s) return 'none';
  if (s.totpEnabled && !s.secondFactorDone) return 'second_factor';
  if (s.mustChangePassword) return 'password_change';
  if (s.secondFactorRequired && !s.totpEnabled) return 'enrolment';
  return 'none';
}

export function describeSecurity(s: SessionSecurity | undefined): Me['security'] {
  return {
    mustChangePassword: s?.mustChangePassword ?? false,
    totpEnabled: s?.totpEnabled ?? false,
    secondFactorRequired: s?.secondFactorRequired ?? false,
    pending: pendingStep(s),
  };
}

/**
 * Server side of the steps: outside /api/auth a session with a step to take gets 403 with the step's code (the
 * web app routes there). Inside /api/auth, only the routes marked `partialSession` (me, logout, the second
 * step, the language) answer a session whose second factor is still missing.
 */
export function assertSessionStep(actor: Actor, url: string, partialSession: boolean): void {
  const step = pendingStep(actor.security);
  if (step === 'none') return;
  if (step === 'second_factor') {
    if (!partialSession) throw new Forbidden('second_factor_required');
    return;
  }
  if (url.startsWith('/api/auth/')) return;
  throw new Forbidden(step === 'password_change' ? 'password_change_required' : 'second_factor_required');
}
