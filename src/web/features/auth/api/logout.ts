import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authPaths } from '../../../../shared/contracts/auth';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export function logout() {
  return apiRequest(authPaths.logout, { method: 'POST', allowUnauthorized: true });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
