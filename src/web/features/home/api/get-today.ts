import { useQuery } from '@tanstack/react-query';
import { homePaths, homeTodaySchema } from '../../../../shared/contracts/home';
import { apiRequest } from '../../../lib/api-client';

export const homeKeys = { today: ['home', 'today'] as const };

/** Today's work for each of the user's roles, with the list behind every count. */
export function getToday() {
  return apiRequest(homePaths.today, { schema: homeTodaySchema });
}

export function useToday() {
  // the counts move with every step taken elsewhere: read them afresh each time the home page opens
  return useQuery({ queryKey: homeKeys.today, queryFn: getToday, staleTime: 0 });
}
