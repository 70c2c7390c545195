import { useMutation } from '@tanstack/react-query';
import { meetingDetailSchema, meetingPaths } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

/** Self check-in with the code of the QR shown at the meeting: the logged-in member's own row only. */
export function checkIn({ id, code }: { id: string; code: string }) {
  return apiRequest(meetingPaths.checkIn(id), {
    method: 'POST',
    body: { code },
    schema: meetingDetailSchema,
  });
}

export function useCheckIn() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: checkIn, onSuccess: (m) => updated(m), meta: { silent: true } });
}
