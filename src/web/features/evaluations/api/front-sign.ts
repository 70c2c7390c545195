import { useMutation } from '@tanstack/react-query';
import { evaluationDetailSchema, evaluationPaths } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useEvaluationUpdated } from './keys';

/** Art. 4.4: the Front working committee head co-signs the draft agreed at the joint meeting. */
export function frontSign(id: string) {
  return apiRequest(evaluationPaths.frontSign(id), { method: 'POST', schema: evaluationDetailSchema });
}

export function useFrontSign() {
  const updated = useEvaluationUpdated();
  return useMutation({ mutationFn: frontSign, onSuccess: (d) => updated(d), meta: { silent: true } });
}
