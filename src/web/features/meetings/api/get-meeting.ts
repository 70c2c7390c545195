import { useQuery } from '@tanstack/react-query';
import { meetingDetailSchema, meetingPaths, type MeetingDetail } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { isCheckInOpen } from '../lib/meeting-time';
import { meetingKeys } from './keys';

export function getMeeting(id: string) {
  return apiRequest(meetingPaths.detail(id), { schema: meetingDetailSchema });
}

/** While self check-in is open, the secretary's register follows the scans without reloading. */
function liveInterval(m: MeetingDetail | undefined): number | false {
  return m?.canManage && isCheckInOpen(m, new Date()) ? 15_000 : false;
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: () => getMeeting(id),
    refetchInterval: (query) => liveInterval(query.state.data),
  });
}
