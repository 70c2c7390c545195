import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { createRequestBodySchema, createRequestResponseSchema, introductionPaths } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

export type CreateRequestInput = z.input<typeof createRequestBodySchema>;

export function createRequest(body: CreateRequestInput) {
  return apiRequest(introductionPaths.requests, { method: 'POST', body, schema: createRequestResponseSchema });
}

export function useCreateRequest() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: createRequest, onSuccess: () => invalidate(), meta: { silent: true } });
}
