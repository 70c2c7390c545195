import { useMutation } from '@tanstack/react-query';
import { calendarTokenSchema, meetingPaths } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';

/** A new secret calendar URL for the member's meetings; the previous one stops working. */
export function createCalendarToken() {
  return apiRequest(meetingPaths.calendarToken, { method: 'POST', schema: calendarTokenSchema });
}

export function useCreateCalendarToken() {
  return useMutation({ mutationFn: createCalendarToken });
}
