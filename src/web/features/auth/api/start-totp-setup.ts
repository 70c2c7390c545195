import { useMutation } from '@tanstack/react-query';
import { accountSecurityPaths, totpSetupSchema } from '../../../../shared/contracts/account-security';
import { apiRequest } from '../../../lib/api-client';

export function startTotpSetup() {
  return apiRequest(accountSecurityPaths.totpSetup, { method: 'POST', schema: totpSetupSchema });
}

export function useStartTotpSetup() {
  return useMutation({ mutationFn: startTotpSetup, meta: { silent: true } });
}
