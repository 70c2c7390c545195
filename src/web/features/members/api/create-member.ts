import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  createMemberBodySchema,
  memberDetailSchema,
  memberPaths,
} from '../../../../shared/contracts/members';
import { apiRequest } from '../../../lib/api-client';

export type CreateMemberInput = z.input<typeof createMemberBodySchema>;

export function createMember(body: CreateMemberInput) {
  return apiRequest(memberPaths.list, { method: 'POST', body, schema: memberDetailSchema });
}

export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
}
