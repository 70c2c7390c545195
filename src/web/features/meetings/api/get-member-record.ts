import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { meetingPaths, memberRecordSchema } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** A member's attendance over a year (Art. 4.4): the evidence the yearly evaluation shows. */
export function getMemberRecord(memberId: string, year: number) {
  return apiRequest(meetingPaths.memberRecord(memberId), { query: { year }, schema: memberRecordSchema });
}

export function useMemberRecord(memberId: string, year: number) {
  return useQuery({
    queryKey: meetingKeys.record(memberId, year),
    queryFn: () => getMemberRecord(memberId, year),
    placeholderData: keepPreviousData,
  });
}
