import { useInfiniteQuery } from '@tanstack/react-query';
import { introductionPaths, requestListResponseSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { introductionKeys } from './keys';

export interface RequestFilters {
  side: 'workplace' | 'commune';
  unitId: string;
  status?: 'open' | 'fulfilled' | 'declined';
}

/** "Known here, no letter": communes ask a workplace to introduce a member living there. */
export function listRequests(filters: RequestFilters, cursor?: string) {
  return apiRequest(introductionPaths.requests, {
    query: { ...filters, cursor, limit: 50 },
    schema: requestListResponseSchema,
  });
}

export function useRequests(filters: RequestFilters) {
  return useInfiniteQuery({
    queryKey: introductionKeys.requests(filters),
    queryFn: ({ pageParam }) => listRequests(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
