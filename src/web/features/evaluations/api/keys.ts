import { useQueryClient } from '@tanstack/react-query';
import type { EvaluationDetail } from '../../../../shared/contracts/evaluations';

/** Every evaluations query key starts here, so one step refreshes lists, counts, the review and the member's page. */
export const evaluationKeys = {
  all: ['evaluations'] as const,
  ruleSets: ['evaluations', 'rule-sets'] as const,
  ruleSet: (code: string) => ['evaluations', 'rule-set', code] as const,
  list: (filters: object) => ['evaluations', 'list', filters] as const,
  detail: (id: string) => ['evaluations', 'detail', id] as const,
  version: (id: string, version: number) => ['evaluations', 'version', id, version] as const,
  cycles: (filters: object) => ['evaluations', 'cycles', filters] as const,
  backlog: (filters: object) => ['evaluations', 'backlog', filters] as const,
  noComment: (filters: object) => ['evaluations', 'no-comment', filters] as const,
  review: (filters: object) => ['evaluations', 'review', filters] as const,
  mine: (year: number | undefined) => ['evaluations', 'mine', year] as const,
};

/** After a batch step or a request: every view of the evaluations refreshes, and the step may have notified us. */
export function useInvalidateEvaluations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: evaluationKeys.all,
        predicate: (q) => q.queryKey[1] !== 'rule-set' && q.queryKey[1] !== 'rule-sets',
      }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

/**
 * After a step on one evaluation whose answer carries the whole evaluation: the page shows it at once
 * (flags raised on save appear immediately); lists and counts refresh behind it.
 */
export function useEvaluationUpdated() {
  const queryClient = useQueryClient();
  return (evaluation: EvaluationDetail) => {
    queryClient.setQueryData(evaluationKeys.detail(evaluation.id), evaluation);
    return Promise.all([
      queryClient.invalidateQueries({
        queryKey: evaluationKeys.all,
        predicate: (q) =>
          !(q.queryKey[1] === 'detail' && q.queryKey[2] === evaluation.id) &&
          q.queryKey[1] !== 'rule-set' &&
          q.queryKey[1] !== 'rule-sets',
      }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
  };
}
