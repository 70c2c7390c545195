import { useMutation } from '@tanstack/react-query';
import { meetingDetailSchema, meetingPaths } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

/** The meeting took place: whoever is still unrecorded becomes absent (the server decides excused or not). */
export function holdMeeting(id: string) {
  return apiRequest(meetingPaths.hold(id), { method: 'POST', schema: meetingDetailSchema });
}

export function useHoldMeeting() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: holdMeeting, onSuccess: (m) => updated(m), meta: { silent: true } });
}
