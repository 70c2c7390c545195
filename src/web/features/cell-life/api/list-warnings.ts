import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { cellLifePaths, warningListResponseSchema } from '../../../../shared/contracts/cell-life';
import type { WarningQueue, WarningStatus } from '../../../../shared/rules/meeting';
import { apiRequest } from '../../../lib/api-client';
import { cellLifeKeys } from './keys';

export interface WarningFilters {
  cellId?: string;
  memberId?: string;
  /** only the warnings given to the logged-in member */
  mine?: boolean;
  status?: WarningStatus;
  /** to follow up: due within days, or not resolved yet (as counted on the home page) */
  queue?: WarningQueue;
}

/** Reminders and warnings, newest first, in keyset pages. */
export function listWarnings(filters: WarningFilters, cursor?: string) {
  return apiRequest(cellLifePaths.warnings, {
    query: { ...filters, cursor, limit: 20 },
    schema: warningListResponseSchema,
  });
}

export function useWarnings(filters: WarningFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: cellLifeKeys.warnings(filters),
    queryFn: ({ pageParam }) => listWarnings(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
