import { queryOptions, useQuery } from '@tanstack/react-query';
import { authPaths, meSchema, type Me } from '../../../../shared/contracts/auth';
import { apiRequest, isApiError, setCsrfToken } from '../../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

// The last session seen (kept by the query, not during render): at logout the session is forgotten a moment
// before the layout leaves for the login page, and that last render must not throw.
let lastKnown: Me | null = null;

/** The session, or null when nobody is logged in. */
export async function getMe(): Promise<Me | null> {
  try {
    const me = await apiRequest(authPaths.me, { schema: meSchema, allowUnauthorized: true });
    setCsrfToken(me.csrfToken);
    lastKnown = me;
    return me;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions);
}

/** For components under the authenticated layout, where the session is known to exist. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  const me = data ?? lastKnown;
  if (!me) throw new Error('useCurrentUser outside an authenticated route');
  return me;
}
