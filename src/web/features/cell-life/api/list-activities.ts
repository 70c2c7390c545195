import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { activityListResponseSchema, cellLifePaths } from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { cellLifeKeys } from './keys';

export interface ActivityFilters {
  /** a cell (with its commune's activities) or a commune; none: everything the user may read */
  unitId?: string;
}

/** Campaigns and movements, newest start first, in keyset pages. */
export function listActivities(filters: ActivityFilters, cursor?: string) {
  return apiRequest(cellLifePaths.activities, {
    query: { ...filters, cursor, limit: 20 },
    schema: activityListResponseSchema,
  });
}

export function useActivities(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: cellLifeKeys.activities(filters),
    queryFn: ({ pageParam }) => listActivities(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
