import { useQuery } from '@tanstack/react-query';
import { coverageSchema, introductionPaths } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { introductionKeys } from './keys';

export type CoverageSide = 'workplace' | 'residence';

export function getCoverage(unitId: string | undefined, side: CoverageSide) {
  return apiRequest(introductionPaths.coverage, { query: { unitId, side }, schema: coverageSchema });
}

/** Introduced / received / placed shares of the working members of a unit (Art. 3.1, 4.1). */
export function useCoverage(unitId: string | null | undefined, side: CoverageSide, enabled = true) {
  return useQuery({
    queryKey: introductionKeys.coverage(unitId ?? undefined, side),
    queryFn: () => getCoverage(unitId ?? undefined, side),
    enabled: enabled && unitId !== null,
  });
}
