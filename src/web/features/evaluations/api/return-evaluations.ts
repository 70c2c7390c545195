import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  evaluationPaths,
  returnBodySchema,
  stepResultSchema,
} from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateEvaluations } from './keys';

/** Art. 4.5: the commune sends signed forms back to the cell with a reason; a new version opens, the old is kept. */
export function returnEvaluations(body: z.input<typeof returnBodySchema>) {
  return apiRequest(evaluationPaths.return, { method: 'POST', body, schema: stepResultSchema });
}

export function useReturnEvaluations() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: returnEvaluations,
    onSuccess: () => invalidate(),
    meta: { silent: true },
  });
}
