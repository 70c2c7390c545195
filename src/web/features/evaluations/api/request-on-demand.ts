import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  createdEvaluationSchema,
  evaluationPaths,
  onDemandBodySchema,
} from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateEvaluations } from './keys';

/** A comment asked for one member, for a purpose (appointment, commendation, discipline, transfer). */
export function requestOnDemand(body: z.input<typeof onDemandBodySchema>) {
  return apiRequest(evaluationPaths.onDemand, { method: 'POST', body, schema: createdEvaluationSchema });
}

export function useRequestOnDemand() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({ mutationFn: requestOnDemand, onSuccess: () => invalidate(), meta: { silent: true } });
}
