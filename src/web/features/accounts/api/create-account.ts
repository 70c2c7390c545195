import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { accountPaths, accountSchema, createAccountBodySchema } from '../../../../shared/contracts/accounts';
import { apiRequest } from '../../../lib/api-client';

export type CreateAccountInput = z.input<typeof createAccountBodySchema>;

export function createAccount(body: CreateAccountInput) {
  return apiRequest(accountPaths.list, { method: 'POST', body, schema: accountSchema });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}
