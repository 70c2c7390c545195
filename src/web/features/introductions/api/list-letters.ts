import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  introductionPaths,
  letterListResponseSchema,
  type LetterListQuery,
} from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { introductionKeys } from './keys';

export type LetterFilters = Omit<LetterListQuery, 'cursor' | 'limit' | 'overdue'> & { overdue?: boolean };

export function listLetters(filters: LetterFilters, cursor?: string) {
  return apiRequest(introductionPaths.letters, {
    query: { ...filters, cursor, limit: 50 },
    schema: letterListResponseSchema,
  });
}

export function useLetters(filters: LetterFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: introductionKeys.letters(filters),
    queryFn: ({ pageParam }) => listLetters(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
