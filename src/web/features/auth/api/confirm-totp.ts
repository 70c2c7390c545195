import { useMutation } from '@tanstack/react-query';
import { accountSecurityPaths, recoveryCodesSchema } from '../../../../shared/contracts/account-security';
import { apiRequest } from '../../../lib/api-client';

/** The first code turns the authenticator on; the answer holds the recovery codes, shown once. */
export function confirmTotp(code: string) {
  return apiRequest(accountSecurityPaths.totpConfirm, {
    method: 'POST',
    body: { code },
    schema: recoveryCodesSchema,
  });
}

export function useConfirmTotp() {
  return useMutation({ mutationFn: confirmTotp, meta: { silent: true } });
}
