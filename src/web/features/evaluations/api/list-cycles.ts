import { useQuery } from '@tanstack/react-query';
import { cycleListSchema, evaluationPaths } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

export interface CycleFilters {
  unitId?: string;
  year?: number;
}

export function listCycles(filters: CycleFilters) {
  return apiRequest(evaluationPaths.cycles, { query: { ...filters }, schema: cycleListSchema });
}

/** The yearly cycles opened by the workplace committees in reach. */
export function useCycles(filters: CycleFilters, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.cycles(filters),
    queryFn: () => listCycles(filters),
    select: (d) => d.items,
    enabled,
  });
}
