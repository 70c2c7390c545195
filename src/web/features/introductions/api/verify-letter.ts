import { useQuery } from '@tanstack/react-query';
import { introductionPaths, verifyResultSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';

/** Public: anyone holding the paper may check it (no session). */
export function verifyLetter(code: string) {
  return apiRequest(introductionPaths.verify(code), { schema: verifyResultSchema, allowUnauthorized: true });
}

export function useVerifyLetter(code: string) {
  return useQuery({ queryKey: ['verify', code], queryFn: () => verifyLetter(code), retry: false });
}
