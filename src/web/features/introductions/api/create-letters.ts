import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  createLettersBodySchema,
  createLettersResponseSchema,
  introductionPaths,
} from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

export type CreateLettersInput = z.input<typeof createLettersBodySchema>;

/** Art. 3.1: letters for the selected members (or a whole cell); issued at once when a signer asks. */
export function createLetters(body: CreateLettersInput) {
  return apiRequest(introductionPaths.letters, { method: 'POST', body, schema: createLettersResponseSchema });
}

export function useCreateLetters() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: createLetters, onSuccess: () => invalidate() });
}
