import { useQuery } from '@tanstack/react-query';
import { introductionPaths, myResidenceSchema } from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { introductionKeys } from './keys';

/** The member's own hand-off: letter, cell contact, moves. */
export function getMyResidence() {
  return apiRequest(introductionPaths.mine, { schema: myResidenceSchema });
}

export function useMyResidence() {
  return useQuery({ queryKey: introductionKeys.mine, queryFn: getMyResidence });
}
