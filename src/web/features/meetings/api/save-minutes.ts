import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { meetingDetailSchema, meetingPaths, minutesBodySchema } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

export type MinutesInput = z.input<typeof minutesBodySchema>;

/** Summary and decisions; after the lock the server asks for an amendment reason (422 without one). */
export function saveMinutes({ id, ...body }: MinutesInput & { id: string }) {
  return apiRequest(meetingPaths.minutes(id), { method: 'PUT', body, schema: meetingDetailSchema });
}

export function useSaveMinutes() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: saveMinutes, onSuccess: (m) => updated(m), meta: { silent: true } });
}
