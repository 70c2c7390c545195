import { useMutation } from '@tanstack/react-query';
import { introductionPaths, transitionResultSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

/** POST acknowledge: the cell lists the new members and tells them whom to contact (Art. 4.2). A repeated step is counted as `repeated`, not an error. */
export function acknowledgeLetters(letterIds: string[]) {
  return apiRequest(introductionPaths.acknowledge, {
    method: 'POST',
    body: { letterIds },
    schema: transitionResultSchema,
  });
}

export function useAcknowledgeLetters() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: acknowledgeLetters, onSuccess: () => invalidate() });
}
