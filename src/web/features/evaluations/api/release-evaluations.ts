import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { batchBodySchema, evaluationPaths, stepResultSchema } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateEvaluations } from './keys';

/** Art. 3.5: the workplace tells the members their residence comments. Answers how many changed and how many were already done. */
export function releaseEvaluations(body: z.input<typeof batchBodySchema>) {
  return apiRequest(evaluationPaths.release, { method: 'POST', body, schema: stepResultSchema });
}

export function useReleaseEvaluations() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: releaseEvaluations,
    onSuccess: () => invalidate(),
    meta: { silent: true },
  });
}
