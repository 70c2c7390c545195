import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { UnitType } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

export const lookupUnitsPath = '/api/lookups/units';

export const unitLookupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.string(),
  parentName: z.string().nullable(),
});
export type UnitLookup = z.infer<typeof unitLookupSchema>;
const unitLookupListSchema = z.object({ items: z.array(unitLookupSchema) });

export type UnitLookupParams = { type?: UnitType; q?: string; within?: 'reach' };

export function lookupUnits(params: UnitLookupParams) {
  return apiRequest(lookupUnitsPath, { query: params, schema: unitLookupListSchema });
}

export function useUnitLookup(params: UnitLookupParams, enabled = true) {
  return useQuery({
    queryKey: ['lookups', 'units', params],
    queryFn: () => lookupUnits(params),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}
