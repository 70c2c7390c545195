import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { moveOrgUnitBodySchema, orgUnitPaths } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

export type MoveOrgUnitBody = z.input<typeof moveOrgUnitBodySchema>;

export function moveOrgUnit({ id, body }: { id: string; body: MoveOrgUnitBody }) {
  return apiRequest(orgUnitPaths.move(id), { method: 'POST', body });
}

export function useMoveOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveOrgUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
}
