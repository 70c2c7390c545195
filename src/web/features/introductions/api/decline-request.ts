import { useMutation } from '@tanstack/react-query';
import { introductionPaths } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

/** Not our member (or already introduced elsewhere): the commune reads the note. */
export function declineRequest({ id, note }: { id: string; note: string }) {
  return apiRequest<unknown>(introductionPaths.requestDecline(id), { method: 'POST', body: { note } });
}

export function useDeclineRequest() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: declineRequest, onSuccess: () => invalidate() });
}
