import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  contributionBodySchema,
  meetingDetailSchema,
  meetingPaths,
} from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

export type ContributionInput = z.input<typeof contributionBodySchema>;

/** An opinion or proposal in the minutes, and who gave it (an invited member or a named speaker). */
export function addContribution({ id, ...body }: ContributionInput & { id: string }) {
  return apiRequest(meetingPaths.contributions(id), { method: 'POST', body, schema: meetingDetailSchema });
}

export function useAddContribution() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: addContribution, onSuccess: (m) => updated(m), meta: { silent: true } });
}
