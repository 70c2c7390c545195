import { useMutation } from '@tanstack/react-query';
import { introductionPaths, transitionResultSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

/** POST receive: the commune confirms it received the letters (Art. 4.1). A repeated step is counted as `repeated`, not an error. */
export function receiveLetters(letterIds: string[]) {
  return apiRequest(introductionPaths.receive, {
    method: 'POST',
    body: { letterIds },
    schema: transitionResultSchema,
  });
}

export function useReceiveLetters() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: receiveLetters, onSuccess: () => invalidate() });
}
