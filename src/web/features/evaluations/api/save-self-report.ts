import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  evaluationPaths,
  saveSelfReportBodySchema,
  selfReportSchema,
} from '../../../../shared/contracts/evaluations';
import { apiRequest } from '../../../lib/api-client';
import { evaluationKeys } from './keys';

/** Art. 2.7: free text per duty; `submit` makes it visible to the cell (still editable until the cell signs). */
export function saveSelfReport(body: z.input<typeof saveSelfReportBodySchema>) {
  return apiRequest(evaluationPaths.selfReport, { method: 'PUT', body, schema: selfReportSchema });
}

export function useSaveSelfReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSelfReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...evaluationKeys.all, 'mine'] }),
    meta: { silent: true },
  });
}
