import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  cancelBodySchema,
  evaluationPaths,
  stepResultSchema,
} from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateEvaluations } from './keys';

/** The workplace withdraws requests the cell has not signed (transfer, left the Party), with a reason. */
export function cancelEvaluations(body: z.input<typeof cancelBodySchema>) {
  return apiRequest(evaluationPaths.cancel, { method: 'POST', body, schema: stepResultSchema });
}

export function useCancelEvaluations() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: cancelEvaluations,
    onSuccess: () => invalidate(),
    meta: { silent: true },
  });
}
