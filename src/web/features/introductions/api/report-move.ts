import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  introductionPaths,
  reportMoveBodySchema,
  reportMoveResponseSchema,
} from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

export type ReportMoveInput = z.input<typeof reportMoveBodySchema>;

/** Art. 2.7: the member reports a move to both sides; the workplace prepares a new letter. */
export function reportMove(body: ReportMoveInput) {
  return apiRequest(introductionPaths.moves, { method: 'POST', body, schema: reportMoveResponseSchema });
}

export function useReportMove() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: reportMove, onSuccess: () => invalidate(), meta: { silent: true } });
}
