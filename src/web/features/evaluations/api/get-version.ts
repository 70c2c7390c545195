import { useQuery } from '@tanstack/react-query';
import { evaluationPaths, formContentSchema } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

/** An earlier version of the form, kept as it was signed (returns and revisions open a new one). */
export function getVersion(id: string, version: number) {
  return apiRequest(evaluationPaths.version(id, version), { schema: formContentSchema });
}

export function useEvaluationVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: evaluationKeys.version(id, version ?? 0),
    queryFn: () => getVersion(id, version!),
    enabled: version !== null,
    // a signed version never changes
    staleTime: Infinity,
  });
}
