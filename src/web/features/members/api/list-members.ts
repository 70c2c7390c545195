import { useInfiniteQuery } from '@tanstack/react-query';
import { memberListResponseSchema, memberPaths, type MemberListQuery } from '../../../../shared/contracts/members';
import { apiRequest, buildUrl } from '../../../lib/api-client';

export type MemberFilters = Omit<MemberListQuery, 'cursor' | 'limit'>;

export function listMembers(filters: MemberFilters, cursor?: string) {
  return apiRequest(memberPaths.list, {
    query: { ...filters, cursor, limit: 50 },
    schema: memberListResponseSchema,
  });
}

/** Keyset pages in the server's (Vietnamese) order; "load more" fetches the next one. */
export function useMembers(filters: MemberFilters) {
  return useInfiniteQuery({
    queryKey: ['members', 'list', filters],
    queryFn: ({ pageParam }) => listMembers(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Same filters, as an Excel download. */
export function exportMembersUrl(filters: MemberFilters) {
  return buildUrl(memberPaths.export, { ...filters });
}

export type { MemberSearch } from './member-search';
