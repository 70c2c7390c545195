import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  memberListResponseSchema,
  memberPaths,
  memberStatusSchema,
  residenceCategorySchema,
  type MemberListQuery,
} from '../../../../shared/contracts/members';
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

/** The members page keeps its filters in the URL, so a list can be shared and survives "back". */
export const memberSearchSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  unitId: z.uuid().optional().catch(undefined),
  residenceCommuneId: z.uuid().optional().catch(undefined),
  category: residenceCategorySchema.optional().catch(undefined),
  status: memberStatusSchema.optional().catch(undefined),
  workingOnly: z.boolean().optional().catch(undefined),
});
export type MemberSearch = z.infer<typeof memberSearchSchema>;
