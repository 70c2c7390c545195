import { useQuery } from '@tanstack/react-query';
import { cellLifePaths, directedTopicListSchema } from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { cellLifeKeys } from './keys';

export interface TopicFilters {
  cellId?: string;
  communeId?: string;
}

/** Topics the commune directs to its cells that are active today (for a cell: its commune's). */
export function listTopics(filters: TopicFilters) {
  return apiRequest(cellLifePaths.topics, { query: { ...filters }, schema: directedTopicListSchema });
}

export function useTopics(filters: TopicFilters, enabled = true) {
  return useQuery({
    queryKey: cellLifeKeys.topics(filters),
    queryFn: () => listTopics(filters),
    select: (data) => data.items,
    enabled,
  });
}
