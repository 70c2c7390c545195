import { useQuery } from '@tanstack/react-query';
import { lookupPaths, residentialAreaListSchema } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

/** Residential areas of any commune (officers pick them province-wide: a member may live anywhere). */
export function lookupAreas(communeUnitId: string) {
  return apiRequest(lookupPaths.areas, { query: { communeUnitId }, schema: residentialAreaListSchema });
}

export function useAreaLookup(communeUnitId: string | null | undefined) {
  return useQuery({
    queryKey: ['lookups', 'areas', communeUnitId],
    queryFn: () => lookupAreas(communeUnitId as string),
    enabled: !!communeUnitId,
    select: (data) => data.items,
    staleTime: 60_000,
  });
}
