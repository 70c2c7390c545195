import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { mergeOrgUnitsBodySchema, orgUnitPaths } from '../../../../shared/contracts/org-units';
import { apiRequest } from '../../../lib/api-client';

export type MergeOrgUnitsBody = z.input<typeof mergeOrgUnitsBodySchema>;

/** `targetId` survives; the sources close and everything in them follows (the 2025 commune mergers). */
export function mergeOrgUnits({ targetId, body }: { targetId: string; body: MergeOrgUnitsBody }) {
  return apiRequest(orgUnitPaths.merge(targetId), { method: 'POST', body });
}

export function useMergeOrgUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mergeOrgUnits,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
