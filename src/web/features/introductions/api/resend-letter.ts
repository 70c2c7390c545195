import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { introductionPaths, resendLetterBodySchema, letterIdResponseSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

export type ResendLetterInput = z.input<typeof resendLetterBodySchema>;

/** A corrected letter replaces a rejected one (the old one becomes "superseded"). */
export function resendLetter({ id, body }: { id: string; body: ResendLetterInput }) {
  return apiRequest(introductionPaths.resend(id), {
    method: 'POST',
    body,
    schema: letterIdResponseSchema,
  });
}

export function useResendLetter() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: resendLetter, onSuccess: () => invalidate() });
}
