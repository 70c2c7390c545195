import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { evaluationPaths, noCommentListSchema } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

export interface NoCommentFilters {
  side: 'workplace' | 'residence';
  unitId?: string;
  year?: number;
}

export function listNoComment(filters: NoCommentFilters, cursor?: string) {
  return apiRequest(evaluationPaths.noComment, {
    query: { ...filters, cursor, limit: 50 },
    schema: noCommentListSchema,
  });
}

/** Working members with no comment delivered this year, and where theirs stands. */
export function useNoComment(filters: NoCommentFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: evaluationKeys.noComment(filters),
    queryFn: ({ pageParam }) => listNoComment(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
