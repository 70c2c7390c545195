import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  activityDetailSchema,
  cellLifePaths,
  contributionBodySchema,
} from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { useActivityUpdated } from './keys';

export type ContributionInput = z.input<typeof contributionBodySchema>;

/**
 * The secretary records a member's part (confirmed at once); a member proposes their own (no memberId),
 * which waits for the secretary.
 */
export function addContribution({ activityId, ...body }: ContributionInput & { activityId: string }) {
  return apiRequest(cellLifePaths.contributions(activityId), {
    method: 'POST',
    body,
    schema: activityDetailSchema,
  });
}

export function useAddContribution() {
  const updated = useActivityUpdated();
  return useMutation({ mutationFn: addContribution, onSuccess: (a) => updated(a), meta: { silent: true } });
}
