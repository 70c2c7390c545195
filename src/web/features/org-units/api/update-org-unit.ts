import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { orgUnitPaths, orgUnitSchema, updateOrgUnitBodySchema } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

export type UpdateOrgUnitBody = z.input<typeof updateOrgUnitBodySchema>;

export function updateOrgUnit({ id, body }: { id: string; body: UpdateOrgUnitBody }) {
  return apiRequest(orgUnitPaths.detail(id), { method: 'PATCH', body, schema: orgUnitSchema });
}

export function useUpdateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrgUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
}
