import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { accountPaths, accountSchema } from '../../../../shared/contracts/accounts';
import { pageSchema } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';

const accountPageSchema = pageSchema(accountSchema);

export function listAccounts(q: string | undefined, cursor?: string) {
  return apiRequest(accountPaths.list, { query: { q, cursor }, schema: accountPageSchema });
}

export function useAccounts(q: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['accounts', 'list', q],
    queryFn: ({ pageParam }) => listAccounts(q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // while a new search loads, the last results stay: the open account's drawer must not close and reopen
    placeholderData: keepPreviousData,
  });
}
