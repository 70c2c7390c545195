import { useQueryClient } from '@tanstack/react-query';

/** Every introductions query key starts here, so one step can refresh all views of the hand-off. */
export const introductionKeys = {
  all: ['introductions'] as const,
  summary: (unitId: string) => ['introductions', 'summary', unitId] as const,
  coverage: (unitId: string | undefined, side: string) =>
    ['introductions', 'coverage', unitId, side] as const,
  queue: (filters: object) => ['introductions', 'queue', filters] as const,
  letters: (filters: object) => ['introductions', 'letters', filters] as const,
  letter: (id: string) => ['introductions', 'letter', id] as const,
  residents: (filters: object) => ['introductions', 'residents', filters] as const,
  requests: (filters: object) => ['introductions', 'requests', filters] as const,
  notices: (filters: object) => ['introductions', 'notices', filters] as const,
  mine: ['introductions', 'mine'] as const,
};

/**
 * After a step: the letter's status shows in queues, counts, coverage, residents and the letter page,
 * and the step notifies people (our own bell too when we are on both sides).
 */
export function useInvalidateIntroductions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: introductionKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      queryClient.invalidateQueries({ queryKey: ['members'] }),
    ]);
}
