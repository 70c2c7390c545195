import { useMutation } from '@tanstack/react-query';
import { importJobSchema } from '../../../../shared/contracts/imports';
import { memberPaths } from '../../../../shared/contracts/members';
import { apiRequest } from '../../../lib/api-client';

export type ImportCommitMode = 'valid_only' | 'all_or_nothing';

export function commitImport({ id, mode }: { id: string; mode: ImportCommitMode }) {
  return apiRequest(memberPaths.importCommit(id), {
    method: 'POST',
    body: { mode },
    schema: importJobSchema,
  });
}

export function useCommitImport() {
  return useMutation({ mutationFn: commitImport });
}
