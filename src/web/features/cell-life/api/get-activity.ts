import { useQuery } from '@tanstack/react-query';
import { activityDetailSchema, cellLifePaths } from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { cellLifeKeys } from './keys';

/** An activity with the members' contributions (a member sees the confirmed ones and their own). */
export function getActivity(id: string) {
  return apiRequest(cellLifePaths.activity(id), { schema: activityDetailSchema });
}

export function useActivity(id: string) {
  return useQuery({ queryKey: cellLifeKeys.activity(id), queryFn: () => getActivity(id) });
}
