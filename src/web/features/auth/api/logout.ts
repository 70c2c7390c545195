import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authPaths } from '../../../../shared/contracts/auth';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './get-me';
import { forgetSavedReads } from '../../../lib/offline/saved-api';

export function logout() {
  return apiRequest(authPaths.logout, { method: 'POST', allowUnauthorized: true });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      // the next person on this phone must not read this one's saved pages (decision 0010)
      void forgetSavedReads();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
