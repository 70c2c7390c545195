import { useMutation, useQueryClient } from '@tanstack/react-query';
import { accountPaths, accountSchema } from '../../../../shared/contracts/accounts';
import { apiRequest } from '../../../lib/api-client';

export function revokeRole({ accountId, grantId }: { accountId: string; grantId: string }) {
  return apiRequest(accountPaths.grant(accountId, grantId), { method: 'DELETE', schema: accountSchema });
}

export function useRevokeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}
