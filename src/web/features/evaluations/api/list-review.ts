import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { evaluationPaths, reviewListSchema } from '../../../../shared/contracts/evaluations';
import { apiRequest, buildUrl } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

export interface ReviewFilters {
  unitId: string;
  year: number;
  contradictsOnly?: boolean;
  q?: string;
}

export function listReview(filters: ReviewFilters, cursor?: string) {
  return apiRequest(evaluationPaths.review, {
    query: { ...filters, cursor, limit: 100 },
    schema: reviewListSchema,
  });
}

/** Art. 3.4–3.5: each member's residence outcome next to the workplace's own score and level. */
export function useReview(filters: ReviewFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: evaluationKeys.review(filters),
    queryFn: ({ pageParam }) => listReview(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The same review as an Excel file (a plain link: the browser downloads it with the session cookie). */
export function reviewXlsxUrl(filters: ReviewFilters) {
  return buildUrl(evaluationPaths.reviewXlsx, { ...filters });
}
