import { useMutation } from '@tanstack/react-query';
import {
  introductionPaths,
  transitionResultSchema,
  type PlaceLettersBody,
} from '../../../../shared/contracts/introductions';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateIntroductions } from './keys';

/** Art. 4.1: the commune introduces each member to a residential cell. */
export function placeLetters(placements: PlaceLettersBody['placements']) {
  return apiRequest(introductionPaths.place, {
    method: 'POST',
    body: { placements },
    schema: transitionResultSchema,
  });
}

export function usePlaceLetters() {
  const invalidate = useInvalidateIntroductions();
  return useMutation({ mutationFn: placeLetters, onSuccess: () => invalidate() });
}
