import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { dissolveOrgUnitBodySchema, orgUnitPaths } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

export type DissolveOrgUnitBody = z.input<typeof dissolveOrgUnitBodySchema>;

export function dissolveOrgUnit({ id, body }: { id: string; body: DissolveOrgUnitBody }) {
  return apiRequest(orgUnitPaths.dissolve(id), { method: 'POST', body });
}

export function useDissolveOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: dissolveOrgUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
}
