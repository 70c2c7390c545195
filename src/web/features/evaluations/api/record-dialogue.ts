import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  dialogueBodySchema,
  evaluationDetailSchema,
  evaluationPaths,
} from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useEvaluationUpdated } from './keys';

/** Art. 3.4: the dialogue with the commune committee on a dispute, and its outcome (upheld, or revised as a new version). */
export function recordDialogue({ id, body }: { id: string; body: z.input<typeof dialogueBodySchema> }) {
  return apiRequest(evaluationPaths.dialogue(id), { method: 'POST', body, schema: evaluationDetailSchema });
}

export function useRecordDialogue() {
  const updated = useEvaluationUpdated();
  return useMutation({ mutationFn: recordDialogue, onSuccess: (d) => updated(d), meta: { silent: true } });
}
