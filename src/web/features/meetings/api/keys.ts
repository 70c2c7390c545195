import { useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';

/** Every meetings query key starts here, so one step refreshes lists, counts, compliance and records. */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: (filters: object) => ['meetings', 'list', filters] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  mine: ['meetings', 'mine'] as const,
  compliance: (unitId: string | undefined, year: number) => ['meetings', 'compliance', unitId, year] as const,
  record: (memberId: string, year: number) => ['meetings', 'record', memberId, year] as const,
  directedTopics: (cellId: string) => ['meetings', 'directed-topics', cellId] as const,
};

/**
 * After a step on one meeting: the answer carries the whole meeting, so the page shows it at once;
 * lists, counts and records refresh behind it, and the step may have notified us too.
 */
export function useMeetingUpdated() {
  const queryClient = useQueryClient();
  return (meeting: MeetingDetail) => {
    queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
    return Promise.all([
      queryClient.invalidateQueries({
        queryKey: meetingKeys.all,
        predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === meeting.id),
      }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
  };
}
