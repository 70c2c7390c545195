import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  createdEvaluationSchema,
  evaluationPaths,
  requestMineBodySchema,
} from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateEvaluations } from './keys';

/** The member asks for their own comment, online, never through a relative (the year's, or one for a purpose). */
export function requestMine(body: z.input<typeof requestMineBodySchema>) {
  return apiRequest(evaluationPaths.requestMine, { method: 'POST', body, schema: createdEvaluationSchema });
}

export function useRequestMine() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({ mutationFn: requestMine, onSuccess: () => invalidate(), meta: { silent: true } });
}
