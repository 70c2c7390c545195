import { useQuery } from '@tanstack/react-query';
import { introductionPaths, letterDetailSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { introductionKeys } from './keys';

export function getLetter(id: string) {
  return apiRequest(introductionPaths.letter(id), { schema: letterDetailSchema });
}

export function useLetter(id: string) {
  return useQuery({ queryKey: introductionKeys.letter(id), queryFn: () => getLetter(id) });
}
