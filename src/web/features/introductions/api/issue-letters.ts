import { useMutation } from '@tanstack/react-query';
import { introductionPaths, transitionResultSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

/** POST issue: signs and numbers drafts (secretary or deputy only). A repeated step is counted as `repeated`, not an error. */
export function issueLetters(letterIds: string[]) {
  return apiRequest(introductionPaths.issue, {
    method: 'POST',
    body: { letterIds },
    schema: transitionResultSchema,
  });
}

export function useIssueLetters() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: issueLetters, onSuccess: () => invalidate() });
}
