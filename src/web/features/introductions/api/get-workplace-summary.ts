import { useQuery } from '@tanstack/react-query';
import { introductionPaths, workplaceSummarySchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { introductionKeys } from './keys';

export function getWorkplaceSummary(unitId: string) {
  return apiRequest(introductionPaths.workplaceSummary, {
    query: { unitId },
    schema: workplaceSummarySchema,
  });
}

export function useWorkplaceSummary(unitId: string | null) {
  return useQuery({
    queryKey: introductionKeys.summary(unitId ?? ''),
    queryFn: () => getWorkplaceSummary(unitId as string),
    enabled: !!unitId,
  });
}
