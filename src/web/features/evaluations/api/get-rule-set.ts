import { useQuery } from '@tanstack/react-query';
import { evaluationPaths, ruleSetListSchema, ruleSetSchema } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

/** A rule set (duties, criteria and levels, flags, classification levels, all with vi/en text). */
export function getRuleSet(code: string) {
  return apiRequest(evaluationPaths.ruleSet(code), { schema: ruleSetSchema });
}

/** Rule sets never change once installed (cycles are bound to them): read once per session. */
export function useRuleSet(code: string | null | undefined) {
  return useQuery({
    queryKey: evaluationKeys.ruleSet(code ?? ''),
    queryFn: () => getRuleSet(code!),
    enabled: !!code,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function listRuleSets() {
  return apiRequest(evaluationPaths.ruleSets, { schema: ruleSetListSchema });
}

/** The rule sets installed, newest first. */
export function useRuleSets() {
  return useQuery({
    queryKey: evaluationKeys.ruleSets,
    queryFn: listRuleSets,
    select: (d) => d.items,
    staleTime: 10 * 60_000,
  });
}
