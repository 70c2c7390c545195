import { useInfiniteQuery } from '@tanstack/react-query';
import { introductionPaths, noticeListResponseSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { introductionKeys } from './keys';

export interface NoticeFilters {
  side: 'workplace' | 'residence';
  unitId?: string;
  memberId?: string;
  unseen?: boolean;
}

/** Art. 3.1, 3.2: notices from the workplace to the residence side (often away, transfer, expulsion…). */
export function listNotices(filters: NoticeFilters, cursor?: string) {
  return apiRequest(introductionPaths.notices, {
    query: { ...filters, cursor, limit: 50 },
    schema: noticeListResponseSchema,
  });
}

export function useNotices(filters: NoticeFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: introductionKeys.notices(filters),
    queryFn: ({ pageParam }) => listNotices(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
