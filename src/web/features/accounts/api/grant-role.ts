import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { accountPaths, accountSchema, grantRoleBodySchema } from '../../../../shared/contracts/accounts';
import { apiRequest } from '../../../lib/api-client';

export type GrantRoleInput = z.input<typeof grantRoleBodySchema>;

export function grantRole({ accountId, body }: { accountId: string; body: GrantRoleInput }) {
  return apiRequest(accountPaths.grants(accountId), { method: 'POST', body, schema: accountSchema });
}

export function useGrantRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: grantRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}
