import { useQuery } from '@tanstack/react-query';
import { memberDetailSchema, memberPaths } from '../../../../shared/contracts/members';
import { apiRequest } from '../../../lib/api-client';

export function getMember(id: string) {
  return apiRequest(memberPaths.detail(id), { schema: memberDetailSchema });
}

export function useMember(id: string) {
  return useQuery({ queryKey: ['members', 'detail', id], queryFn: () => getMember(id) });
}
