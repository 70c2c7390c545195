import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  memberDetailSchema,
  memberPaths,
  updateMemberBodySchema,
} from '../../../../shared/contracts/members';
import { apiRequest } from '../../../lib/api-client';

export type UpdateMemberInput = z.input<typeof updateMemberBodySchema>;

/** Sends expectedUpdatedAt: a 409 means someone else saved in the meantime. */
export function updateMember({ id, body }: { id: string; body: UpdateMemberInput }) {
  return apiRequest(memberPaths.detail(id), { method: 'PATCH', body, schema: memberDetailSchema });
}

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMember,
    onSuccess: (member) => {
      queryClient.setQueryData(['members', 'detail', member.id], member);
      void queryClient.invalidateQueries({ queryKey: ['members', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
