import { useInfiniteQuery } from '@tanstack/react-query';
import { drillListSchema, reportPaths, type DrillQuery } from '../../../../shared/contracts/reports';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './keys';

export type DrillFilters = Omit<DrillQuery, 'cursor' | 'limit'>;

export function listDrill(filters: DrillFilters, cursor?: string) {
  return apiRequest(reportPaths.drill, { query: { ...filters, cursor, limit: 50 }, schema: drillListSchema });
}

/** The rows behind a figure, in keyset pages. */
export function useDrill(filters: DrillFilters) {
  return useInfiniteQuery({
    queryKey: reportKeys.drill(filters),
    queryFn: ({ pageParam }) => listDrill(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
