import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  evaluationPaths,
  openCycleBodySchema,
  openCycleResponseSchema,
} from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateEvaluations } from './keys';

/** Art. 3.4: ask for every active working member's comment in one step; opening again creates nothing twice. */
export function openCycle(body: z.input<typeof openCycleBodySchema>) {
  return apiRequest(evaluationPaths.cycles, { method: 'POST', body, schema: openCycleResponseSchema });
}

export function useOpenCycle() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({ mutationFn: openCycle, onSuccess: () => invalidate(), meta: { silent: true } });
}
