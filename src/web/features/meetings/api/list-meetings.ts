import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { meetingListResponseSchema, meetingPaths } from '../../../../shared/contracts/meetings';
import type { MeetingQueue } from '../../../../shared/rules/meeting';
import { apiRequest } from '../../../lib/api-client';
import { meetingKeys } from './keys';

export interface MeetingFilters {
  cellId?: string;
  /** upcoming (and this week's): soonest first; past (and those to record): newest first */
  when: 'upcoming' | 'past' | MeetingQueue;
}

export function listMeetings(filters: MeetingFilters, cursor?: string) {
  return apiRequest(meetingPaths.list, {
    query: { ...filters, cursor, limit: 20 },
    schema: meetingListResponseSchema,
  });
}

export function useMeetings(filters: MeetingFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: meetingKeys.list(filters),
    queryFn: ({ pageParam }) => listMeetings(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
