import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { meetingDetailSchema, meetingPaths, rsvpBodySchema } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

export type RsvpInput = z.input<typeof rsvpBodySchema>;

/** The member answers: will attend, or cannot attend with a reason (until the start). */
export function answerInvitation({ id, ...body }: RsvpInput & { id: string }) {
  return apiRequest(meetingPaths.rsvp(id), { method: 'POST', body, schema: meetingDetailSchema });
}

export function useAnswerInvitation() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: answerInvitation, onSuccess: (m) => updated(m), meta: { silent: true } });
}
