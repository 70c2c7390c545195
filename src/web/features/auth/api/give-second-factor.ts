import { useMutation, useQueryClient } from '@tanstack/react-query';
import { accountSecurityPaths } from '../../../../shared/contracts/account-security';
import { apiRequest } from '../../../lib/api-client';
import { getMe, meQueryKey } from './get-me';

/** Login, step 2: the authenticator's code or a recovery code; then the session is read again. */
export async function giveSecondFactor(code: string) {
  await apiRequest(accountSecurityPaths.secondFactor, { method: 'POST', body: { code } });
  return getMe();
}

export function useGiveSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: giveSecondFactor,
    meta: { silent: true },
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
