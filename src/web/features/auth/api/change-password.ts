import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { authPaths, changePasswordBodySchema } from '../../../../shared/contracts/auth';
import { apiRequest } from '../../../lib/api-client';

export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export function changePassword(body: ChangePasswordBody) {
  return apiRequest(authPaths.changePassword, { method: 'POST', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword, meta: { silent: true } });
}
