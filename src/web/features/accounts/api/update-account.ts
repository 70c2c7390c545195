import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { accountPaths, accountSchema, updateAccountBodySchema } from '../../../../shared/contracts/accounts';
import { apiRequest } from '../../../lib/api-client';

export type UpdateAccountInput = z.input<typeof updateAccountBodySchema>;

export function updateAccount({ id, body }: { id: string; body: UpdateAccountInput }) {
  return apiRequest(accountPaths.detail(id), { method: 'PATCH', body, schema: accountSchema });
}

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}
