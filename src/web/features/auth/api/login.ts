import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { authPaths, loginBodySchema, meSchema } from '../../../../shared/contracts/auth';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export type LoginBody = z.infer<typeof loginBodySchema>;

export async function login(body: LoginBody) {
  const me = await apiRequest(authPaths.login, { method: 'POST', body, schema: meSchema, allowUnauthorized: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { silent: true },
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
