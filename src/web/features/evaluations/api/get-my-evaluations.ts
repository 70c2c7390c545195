import { useQuery } from '@tanstack/react-query';
import { evaluationPaths, myEvaluationsSchema } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

/** The member's year: the duties to report on, their self-report, their evaluations (content once released). */
export function getMyEvaluations(year?: number) {
  return apiRequest(evaluationPaths.mine, { query: { year }, schema: myEvaluationsSchema });
}

export function useMyEvaluations(year?: number) {
  return useQuery({ queryKey: evaluationKeys.mine(year), queryFn: () => getMyEvaluations(year) });
}
