import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client';
import i18n from '../lib/i18n';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { silent?: boolean };
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // without signal a read still goes out: the service worker answers with the saved copy, or it fails
      // at once (a paused query would spin with no message, issue 11); a 4xx or no answer is not retried
      networkMode: 'always',
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // a 4xx will not get better by asking again
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
    mutations: { networkMode: 'always' },
  },
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      if (mutation.meta?.silent) return;
      if (isApiError(error, 401)) return;
      // loaded on first use, so the login page's download stays small (issue 11); shown by the app layout
      void import('@mantine/notifications').then(({ notifications }) =>
        notifications.show({
          color: 'red',
          title: i18n.t('state.errorTitle'),
          message: error instanceof Error ? error.message : i18n.t('state.error'),
        }),
      );
    },
  }),
});
