import { useMutation } from '@tanstack/react-query';
import { meetingDetailSchema, meetingPaths } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

/** Cancel a scheduled meeting with a reason; the invitees are told. */
export function cancelMeeting({ id, reason }: { id: string; reason: string }) {
  return apiRequest(meetingPaths.cancel(id), {
    method: 'POST',
    body: { reason },
    schema: meetingDetailSchema,
  });
}

export function useCancelMeeting() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: cancelMeeting, onSuccess: (m) => updated(m), meta: { silent: true } });
}
