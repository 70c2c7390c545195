import { useQuery } from '@tanstack/react-query';
import { evaluationDetailSchema, evaluationPaths } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

/** One evaluation as the reader's side sees it: form (when visible), evidence, self-report, allowed steps. */
export function getEvaluation(id: string) {
  return apiRequest(evaluationPaths.one(id), { schema: evaluationDetailSchema });
}

export function useEvaluation(id: string) {
  return useQuery({ queryKey: evaluationKeys.detail(id), queryFn: () => getEvaluation(id) });
}
