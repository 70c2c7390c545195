import { useMutation } from '@tanstack/react-query';
import { introductionPaths, letterIdResponseSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

/** The workplace answers a commune's request with a letter for the member. */
export function fulfilRequest({ id, memberId, issue }: { id: string; memberId: string; issue: boolean }) {
  return apiRequest(introductionPaths.requestFulfil(id), {
    method: 'POST',
    body: { memberId, issue },
    schema: letterIdResponseSchema,
  });
}

export function useFulfilRequest() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: fulfilRequest, onSuccess: () => invalidate() });
}
