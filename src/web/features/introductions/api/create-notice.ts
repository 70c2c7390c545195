import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { createNoticeBodySchema, createNoticeResponseSchema, introductionPaths } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

export type CreateNoticeInput = z.input<typeof createNoticeBodySchema>;

export function createNotice(body: CreateNoticeInput) {
  return apiRequest(introductionPaths.notices, { method: 'POST', body, schema: createNoticeResponseSchema });
}

export function useCreateNotice() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: createNotice, onSuccess: () => invalidate(), meta: { silent: true } });
}
