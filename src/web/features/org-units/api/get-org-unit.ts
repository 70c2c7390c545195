import { useQuery } from '@tanstack/react-query';
import { orgUnitDetailSchema, orgUnitPaths } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

export function getOrgUnit(id: string) {
  return apiRequest(orgUnitPaths.detail(id), { schema: orgUnitDetailSchema });
}

export function useOrgUnit(id: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['org-units', 'detail', id],
    queryFn: () => getOrgUnit(id as string),
    enabled: enabled && !!id,
  });
}
