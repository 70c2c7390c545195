import { useMutation, useQueryClient } from '@tanstack/react-query';
import { accountSecurityPaths } from '../../../../shared/contracts/account-security';
import { apiRequest } from '../../../lib/api-client';
import { sessionsQueryKey } from './get-sessions';

/** One session by id, or every other one (`others`). */
export function revokeSession(id: string | 'others') {
  return id === 'others'
    ? apiRequest(accountSecurityPaths.revokeOtherSessions, { method: 'POST' })
    : apiRequest(accountSecurityPaths.session.replace(':id', encodeURIComponent(id)), { method: 'DELETE' });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
