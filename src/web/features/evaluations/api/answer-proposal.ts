import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { okSchema } from '../../../../shared/contracts/common';
import { evaluationPaths, proposalAnswerBodySchema } from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateEvaluations } from './keys';

/** The workplace answers the cell's proposal to commend or to consider discipline (accepted, declined, noted). */
export function answerProposal({ id, body }: { id: string; body: z.input<typeof proposalAnswerBodySchema> }) {
  return apiRequest(evaluationPaths.proposalAnswer(id), { method: 'POST', body, schema: okSchema });
}

export function useAnswerProposal() {
  const invalidate = useInvalidateEvaluations();
  return useMutation({ mutationFn: answerProposal, onSuccess: () => invalidate(), meta: { silent: true } });
}
