import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  introductionPaths,
  residentsResponseSchema,
  type ResidentsQuery,
} from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { introductionKeys } from './keys';

export type ResidentFilters = Omit<ResidentsQuery, 'cursor' | 'limit' | 'onlyNew'> & { onlyNew?: boolean };

/** Working members living in a commune or placed in a residential cell (Art. 4.1, 4.2). */
export function listResidents(filters: ResidentFilters, cursor?: string) {
  return apiRequest(introductionPaths.residents, {
    query: { ...filters, cursor, limit: 100 },
    schema: residentsResponseSchema,
  });
}

export function useResidents(filters: ResidentFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: introductionKeys.residents(filters),
    queryFn: ({ pageParam }) => listResidents(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
