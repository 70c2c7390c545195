import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createOrgUnitBodySchema, orgUnitPaths, orgUnitSchema } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

export type CreateOrgUnitBody = z.input<typeof createOrgUnitBodySchema>;

export function createOrgUnit(body: CreateOrgUnitBody) {
  return apiRequest(orgUnitPaths.list, { method: 'POST', body, schema: orgUnitSchema });
}

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrgUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
}
