import { useQuery } from '@tanstack/react-query';
import { memberDetailSchema, memberPaths } from '../../../../shared/contracts/members';
import { READ_SOURCE_HEADER } from '../../../../shared/contracts/privacy';
import { apiRequest } from '../../../lib/api-client';

/** An officer's read is logged with the page it came from (Personal Data Protection Law). */
export function getMember(id: string) {
  return apiRequest(memberPaths.detail(id), {
    schema: memberDetailSchema,
    headers: { [READ_SOURCE_HEADER]: window.location.pathname },
  });
}

export function useMember(id: string) {
  return useQuery({ queryKey: ['members', 'detail', id], queryFn: () => getMember(id) });
}
