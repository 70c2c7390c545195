import { useQueryClient } from '@tanstack/react-query';
import type { ActivityDetail } from '../../../../shared/contracts/cell-life';

/** Every cell-life query key starts here, so one step refreshes the lists, the detail and the member page. */
export const cellLifeKeys = {
  all: ['cell-life'] as const,
  activities: (filters: object) => ['cell-life', 'activities', filters] as const,
  activity: (id: string) => ['cell-life', 'activity', id] as const,
  memberContributions: (memberId: string, year: number) =>
    ['cell-life', 'member-contributions', memberId, year] as const,
  warnings: (filters: object) => ['cell-life', 'warnings', filters] as const,
  topics: (filters: object) => ['cell-life', 'topics', filters] as const,
};

/** After a step on an activity: its answer is the whole activity; lists and member pages refresh behind it. */
export function useActivityUpdated() {
  const queryClient = useQueryClient();
  return (activity: ActivityDetail) => {
    queryClient.setQueryData(cellLifeKeys.activity(activity.id), activity);
    return Promise.all([
      queryClient.invalidateQueries({
        queryKey: cellLifeKeys.all,
        predicate: (q) => !(q.queryKey[1] === 'activity' && q.queryKey[2] === activity.id),
      }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
  };
}

/** After a step on a warning or a topic: every list that may show it. */
export function useCellLifeChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: cellLifeKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}
