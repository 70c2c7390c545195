import { useQueryClient } from '@tanstack/react-query';

/** Every reports query key starts here: a step on a yearly report refreshes the lists and the dashboards. */
export const reportKeys = {
  all: ['reports'] as const,
  dashboard: (filters: object) => ['reports', 'dashboard', filters] as const,
  drill: (filters: object) => ['reports', 'drill', filters] as const,
  yearlyList: (year: number | undefined) => ['reports', 'yearly', 'list', year] as const,
  yearly: (id: string) => ['reports', 'yearly', 'one', id] as const,
  submissions: (filters: object) => ['reports', 'submissions', filters] as const,
};

export function useInvalidateReports() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reportKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}
