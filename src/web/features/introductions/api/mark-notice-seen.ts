import { useMutation } from '@tanstack/react-query';
import { introductionPaths } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

export function markNoticeSeen(id: string) {
  return apiRequest<unknown>(introductionPaths.noticeSeen(id), { method: 'POST' });
}

export function useMarkNoticeSeen() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: markNoticeSeen, onSuccess: () => invalidate() });
}
