import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  createMeetingBodySchema,
  meetingDetailSchema,
  meetingPaths,
} from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

export type CreateMeetingInput = z.input<typeof createMeetingBodySchema>;

/** Art. 4.3: the cell schedules a meeting; the server invites every working member placed in the cell. */
export function createMeeting(body: CreateMeetingInput) {
  return apiRequest(meetingPaths.list, { method: 'POST', body, schema: meetingDetailSchema });
}

export function useCreateMeeting() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: createMeeting, onSuccess: (m) => updated(m), meta: { silent: true } });
}
