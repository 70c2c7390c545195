import { useMutation } from '@tanstack/react-query';
import { accountSecurityPaths } from '../../../../shared/contracts/account-security';
import { apiRequest } from '../../../lib/api-client';

/** "Forgot password": the server answers the same whatever the login (no account enumeration). */
export function requestPasswordReset(login: string) {
  return apiRequest(accountSecurityPaths.passwordResetRequest, {
    method: 'POST',
    body: { login },
    allowUnauthorized: true,
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset, meta: { silent: true } });
}

export function confirmPasswordReset(body: { token: string; newPassword: string }) {
  return apiRequest(accountSecurityPaths.passwordResetConfirm, {
    method: 'POST',
    body,
    allowUnauthorized: true,
  });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset, meta: { silent: true } });
}
