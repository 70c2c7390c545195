import { useMutation } from '@tanstack/react-query';
import { introductionPaths, transitionResultSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

/** POST cancel: discards drafts or withdraws letters not yet received. A repeated step is counted as `repeated`, not an error. */
export function cancelLetters(letterIds: string[]) {
  return apiRequest(introductionPaths.cancel, {
    method: 'POST',
    body: { letterIds },
    schema: transitionResultSchema,
  });
}

export function useCancelLetters() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: cancelLetters, onSuccess: () => invalidate() });
}
