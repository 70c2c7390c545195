import { useInfiniteQuery } from '@tanstack/react-query';
import { privacyPaths, recordReadListSchema } from '../../../../shared/contracts/privacy';
import { apiRequest } from '../../../lib/api-client';

/** Whose reads: the member's own record, or (admins) one member's, optionally by one reader. */
export type ReadsScope = { kind: 'mine' } | { kind: 'member'; memberId: string; readerUserId?: string };

export function listRecordReads(scope: ReadsScope, cursor?: string) {
  if (scope.kind === 'mine')
    return apiRequest(privacyPaths.myReads, { query: { cursor }, schema: recordReadListSchema });
  return apiRequest(privacyPaths.memberReads.replace(':id', encodeURIComponent(scope.memberId)), {
    query: { cursor, readerUserId: scope.readerUserId },
    schema: recordReadListSchema,
  });
}

export function useRecordReads(scope: ReadsScope) {
  return useInfiniteQuery({
    queryKey: ['privacy', 'reads', scope],
    queryFn: ({ pageParam }) => listRecordReads(scope, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
