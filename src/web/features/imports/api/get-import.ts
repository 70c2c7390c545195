import { useQuery } from '@tanstack/react-query';
import { importJobSchema } from '../../../../shared/contracts/imports';
import { memberPaths } from '../../../../shared/contracts/members';
import { apiRequest } from '../../../lib/api-client';

export function getImport(id: string) {
  return apiRequest(memberPaths.importJob(id), { schema: importJobSchema });
}

/** Polls every second while the commit runs. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => getImport(id as string),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.status === 'committing' ? 1000 : false),
  });
}
