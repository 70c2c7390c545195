import { useMutation } from '@tanstack/react-query';
import { evaluationDetailSchema, evaluationPaths } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useEvaluationUpdated } from './keys';

/** Art. 3.4: the member finds the released comment not objective and says why; the workplace meets the commune. */
export function disputeEvaluation({ id, reason }: { id: string; reason: string }) {
  return apiRequest(evaluationPaths.dispute(id), {
    method: 'POST',
    body: { reason },
    schema: evaluationDetailSchema,
  });
}

export function useDisputeEvaluation() {
  const updated = useEvaluationUpdated();
  return useMutation({ mutationFn: disputeEvaluation, onSuccess: (d) => updated(d), meta: { silent: true } });
}
