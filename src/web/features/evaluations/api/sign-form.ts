import { useMutation } from '@tanstack/react-query';
import { evaluationDetailSchema, evaluationPaths } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useEvaluationUpdated } from './keys';

/** The cell secretary signs: every flag must be justified and the Front head must have co-signed. */
export function signForm(id: string) {
  return apiRequest(evaluationPaths.sign(id), { method: 'POST', schema: evaluationDetailSchema });
}

export function useSignForm() {
  const updated = useEvaluationUpdated();
  return useMutation({ mutationFn: signForm, onSuccess: (d) => updated(d), meta: { silent: true } });
}
