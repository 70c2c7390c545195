import { useMutation } from '@tanstack/react-query';
import { accountSecurityPaths, recoveryCodesSchema } from '../../../../shared/contracts/account-security';
import { apiRequest } from '../../../lib/api-client';

export function regenerateRecoveryCodes() {
  return apiRequest(accountSecurityPaths.recoveryCodes, { method: 'POST', schema: recoveryCodesSchema });
}

export function useRegenerateRecoveryCodes() {
  return useMutation({ mutationFn: regenerateRecoveryCodes, meta: { silent: true } });
}
