import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  introductionPaths,
  rejectLettersBodySchema,
  transitionResultSchema,
} from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

export type RejectLettersInput = z.input<typeof rejectLettersBodySchema>;

/** Not our area / wrong address: the letters go back to the workplace, which corrects and re-sends. */
export function rejectLetters(body: RejectLettersInput) {
  return apiRequest(introductionPaths.reject, { method: 'POST', body, schema: transitionResultSchema });
}

export function useRejectLetters() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: rejectLetters, onSuccess: () => invalidate() });
}
