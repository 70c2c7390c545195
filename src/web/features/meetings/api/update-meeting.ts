import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  meetingDetailSchema,
  meetingPaths,
  updateMeetingBodySchema,
} from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

export type UpdateMeetingInput = z.input<typeof updateMeetingBodySchema>;

/** Time, place, agenda or topics of a scheduled meeting; the invitees are told of a new time or place. */
export function updateMeeting({ id, ...body }: UpdateMeetingInput & { id: string }) {
  return apiRequest(meetingPaths.detail(id), { method: 'PATCH', body, schema: meetingDetailSchema });
}

export function useUpdateMeeting() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: updateMeeting, onSuccess: (m) => updated(m), meta: { silent: true } });
}
