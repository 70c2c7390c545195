import { useQuery } from '@tanstack/react-query';
import { meetingPaths, myMeetingsSchema } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** The member's own meetings with their answer and attendance. */
export function getMyMeetings() {
  return apiRequest(meetingPaths.mine, { schema: myMeetingsSchema });
}

export function useMyMeetings(enabled = true) {
  return useQuery({ queryKey: meetingKeys.mine, queryFn: getMyMeetings, enabled });
}
