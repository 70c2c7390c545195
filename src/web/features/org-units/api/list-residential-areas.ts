import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { orgUnitPaths, residentialAreaSchema } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

const areaListSchema = z.object({ items: z.array(residentialAreaSchema) });

export function listResidentialAreas(communeUnitId: string) {
  return apiRequest(orgUnitPaths.areas, { query: { communeUnitId }, schema: areaListSchema });
}

export function useResidentialAreas(communeUnitId: string | null | undefined) {
  return useQuery({
    queryKey: ['residential-areas', communeUnitId],
    queryFn: () => listResidentialAreas(communeUnitId as string),
    enabled: !!communeUnitId,
    select: (data) => data.items,
  });
}
