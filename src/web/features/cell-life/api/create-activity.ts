import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  activityDetailSchema,
  cellLifePaths,
  createActivityBodySchema,
} from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { useActivityUpdated } from './keys';

export type CreateActivityInput = z.input<typeof createActivityBodySchema>;

/** Art. 2.6: the cell or the commune records a local campaign or movement. */
export function createActivity(body: CreateActivityInput) {
  return apiRequest(cellLifePaths.activities, { method: 'POST', body, schema: activityDetailSchema });
}

export function useCreateActivity() {
  const updated = useActivityUpdated();
  return useMutation({ mutationFn: createActivity, onSuccess: (a) => updated(a), meta: { silent: true } });
}
