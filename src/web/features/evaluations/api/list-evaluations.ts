import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  evaluationListSchema,
  evaluationPaths,
  type EvaluationListSide,
} from '../../../../shared/contracts/evaluations';
import type { EvaluationQueue, EvaluationStatus } from '../../../../shared/rules/evaluation';
import { apiRequest } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

export interface EvaluationFilters {
  side: EvaluationListSide;
  unitId?: string;
  year?: number;
  status?: EvaluationStatus;
  overdue?: boolean;
  flagged?: boolean;
  /** one work queue (as counted on the home page) */
  queue?: EvaluationQueue;
  /** name or card number; diacritics are ignored by the server */
  q?: string;
}

export function listEvaluations(filters: EvaluationFilters, cursor?: string, limit = 50) {
  return apiRequest(evaluationPaths.list, {
    query: { ...filters, cursor, limit },
    schema: evaluationListSchema,
  });
}

/** One side's work list, in keyset pages (Vietnamese name order). */
export function useEvaluations(filters: EvaluationFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: evaluationKeys.list(filters),
    queryFn: ({ pageParam }) => listEvaluations(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Everything the filters select, page after page (a batch step on "all delivered", not only what is loaded). */
export async function listAllEvaluations(
  filters: EvaluationFilters,
): Promise<{ id: string; fullName: string }[]> {
  const out: { id: string; fullName: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEvaluations(filters, cursor, 200);
    out.push(...page.items.map((i) => ({ id: i.id, fullName: i.fullName })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < 5000);
  return out;
}
