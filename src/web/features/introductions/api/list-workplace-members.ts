import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  introductionPaths,
  workplaceMembersResponseSchema,
  type WorkplaceMembersQuery,
} from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { introductionKeys } from './keys';

export type QueueFilters = Omit<WorkplaceMembersQuery, 'cursor' | 'limit'> & { unitId: string };

export function listWorkplaceMembers(filters: QueueFilters, cursor?: string) {
  return apiRequest(introductionPaths.workplaceMembers, {
    query: { ...filters, cursor, limit: 50 },
    schema: workplaceMembersResponseSchema,
  });
}

/** The workplace's working members by hand-off stage; keyset pages, "load more". */
export function useWorkplaceMembers(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: introductionKeys.queue(filters),
    queryFn: ({ pageParam }) => listWorkplaceMembers(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
