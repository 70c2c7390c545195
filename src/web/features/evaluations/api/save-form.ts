import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  evaluationDetailSchema,
  evaluationPaths,
  saveFormBodySchema,
} from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { useEvaluationUpdated } from './keys';

export type SaveFormInput = z.input<typeof saveFormBodySchema>;

/** The cell fills the form: a draft until signed. The answer carries the flags the ratings raise. */
export function saveForm({ id, body }: { id: string; body: SaveFormInput }) {
  return apiRequest(evaluationPaths.form(id), { method: 'PUT', body, schema: evaluationDetailSchema });
}

export function useSaveForm() {
  const updated = useEvaluationUpdated();
  return useMutation({ mutationFn: saveForm, onSuccess: (d) => updated(d), meta: { silent: true } });
}
