import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { orgUnitPaths, orgUnitSchema, type UnitType } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

const orgUnitListSchema = z.object({ items: z.array(orgUnitSchema) });

export interface OrgUnitListParams {
  parentId?: string;
  q?: string;
  type?: UnitType;
  includeInactive?: boolean;
}

export function listOrgUnits(params: OrgUnitListParams) {
  return apiRequest(orgUnitPaths.list, { query: { ...params }, schema: orgUnitListSchema });
}

export function useOrgUnits(params: OrgUnitListParams, enabled = true) {
  return useQuery({
    queryKey: ['org-units', 'list', params],
    queryFn: () => listOrgUnits(params),
    select: (data) => data.items,
    enabled,
  });
}
