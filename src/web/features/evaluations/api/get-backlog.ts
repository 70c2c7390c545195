import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { backlogSchema, evaluationPaths } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

export interface BacklogFilters {
  side: 'workplace' | 'residence';
  unitId?: string;
  year?: number;
}

export function getBacklog(filters: BacklogFilters) {
  return apiRequest(evaluationPaths.backlog, { query: { ...filters }, schema: backlogSchema });
}

/** Where the comments stand per child unit: each stage counts those that reached it (a funnel), plus overdue. */
export function useBacklog(filters: BacklogFilters, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.backlog(filters),
    queryFn: () => getBacklog(filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}
