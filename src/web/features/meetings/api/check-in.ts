import { useMutation } from '@tanstack/react-query';
import { meetingDetailSchema, meetingPaths, type CheckInBody } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

/**
 * Self check-in with the code of the QR shown at the meeting: the logged-in member's own row only. `scannedAt`
 * when it was made offline and is sent later (decision 0010).
 */
export function checkIn({ id, ...body }: CheckInBody & { id: string }) {
  return apiRequest(meetingPaths.checkIn(id), {
    method: 'POST',
    body,
    schema: meetingDetailSchema,
  });
}

export function useCheckIn() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: checkIn, onSuccess: (m) => updated(m), meta: { silent: true } });
}
