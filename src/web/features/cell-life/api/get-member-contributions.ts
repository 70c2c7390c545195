import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { cellLifePaths, memberContributionsSchema } from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { cellLifeKeys } from './keys';

/** A member's part in local campaigns over a year (not the rejected ones): evidence for the yearly comment. */
export function getMemberContributions(memberId: string, year: number) {
  return apiRequest(cellLifePaths.memberContributions(memberId), {
    query: { year },
    schema: memberContributionsSchema,
  });
}

export function useMemberContributions(memberId: string, year: number) {
  return useQuery({
    queryKey: cellLifeKeys.memberContributions(memberId, year),
    queryFn: () => getMemberContributions(memberId, year),
    placeholderData: keepPreviousData,
  });
}
