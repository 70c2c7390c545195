import { useQuery } from '@tanstack/react-query';
import { accountSecurityPaths, sessionListSchema } from '../../../../shared/contracts/account-security';
import { apiRequest } from '../../../lib/api-client';

export const sessionsQueryKey = ['auth', 'sessions'] as const;

export function getSessions() {
  return apiRequest(accountSecurityPaths.sessions, { schema: sessionListSchema });
}

export function useSessions() {
  return useQuery({ queryKey: sessionsQueryKey, queryFn: getSessions });
}
