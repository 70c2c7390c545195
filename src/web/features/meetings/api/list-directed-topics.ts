import { useQuery } from '@tanstack/react-query';
import { directedTopicListSchema, meetingPaths } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** Art. 4.3: the topics the cell's commune directs to all its cells, active today. */
export function listDirectedTopics(cellId: string) {
  return apiRequest(meetingPaths.directedTopics, { query: { cellId }, schema: directedTopicListSchema });
}

export function useDirectedTopics(cellId: string | null) {
  return useQuery({
    queryKey: meetingKeys.directedTopics(cellId ?? ''),
    queryFn: () => listDirectedTopics(cellId!),
    enabled: !!cellId,
    staleTime: 5 * 60_000,
  });
}
