import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  classificationsBodySchema,
  classificationsResultSchema,
  evaluationPaths,
} from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateEvaluations } from './keys';

/** The workplace's yearly scores (Reg. 366, 0–100), saved in one batch. */
export function saveClassifications(body: z.input<typeof classificationsBodySchema>) {
  return apiRequest(evaluationPaths.classifications, {
    method: 'PUT',
    body,
    schema: classificationsResultSchema,
  });
}

export function useSaveClassifications() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({
    mutationFn: saveClassifications,
    onSuccess: () => invalidate(),
    meta: { silent: true },
  });
}
