import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { batchBodySchema, evaluationPaths, stepResultSchema } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateEvaluations } from './keys';

/** Art. 4.5: the commune confirms signed forms; they go to the workplace at once. Answers how many changed and how many were already done. */
export function confirmEvaluations(body: z.input<typeof batchBodySchema>) {
  return apiRequest(evaluationPaths.confirm, { method: 'POST', body, schema: stepResultSchema });
}

export function useConfirmEvaluations() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: confirmEvaluations,
    onSuccess: () => invalidate(),
    meta: { silent: true },
  });
}
