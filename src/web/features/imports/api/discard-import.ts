import { useMutation } from '@tanstack/react-query';
import { memberPaths } from '../../../../shared/contracts/members';
import { apiRequest } from '../../../lib/api-client';

export function discardImport(id: string) {
  return apiRequest(memberPaths.importJob(id), { method: 'DELETE' });
}

export function useDiscardImport() {
  return useMutation({ mutationFn: discardImport });
}
