import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { dashboardSchema, reportPaths, type DashboardQuery } from '../../../../shared/contracts/reports';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './keys';

export type DashboardFilters = Omit<DashboardQuery, 'cursor'>;

export function getDashboard(filters: DashboardFilters, cursor?: string) {
  return apiRequest(reportPaths.dashboard, { query: { ...filters, cursor }, schema: dashboardSchema });
}

/** A unit's figures; further pages add child units (a bloc may have hundreds). */
export function useDashboard(filters: DashboardFilters) {
  return useInfiniteQuery({
    queryKey: reportKeys.dashboard(filters),
    queryFn: ({ pageParam }) => getDashboard(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // a page that is still being recomputed polls until the figures are in
    refetchInterval: (q) => ((q.state.data?.pages[0]?.pending ?? 0) > 0 ? 5_000 : false),
  });
}
