import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  cellLifePaths,
  createWarningBodySchema,
  warningItemSchema,
} from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { useCellLifeChanged } from './keys';

export type CreateWarningInput = z.input<typeof createWarningBodySchema>;

/** Art. 4.4: the cell committee reminds or warns a member, with a deadline; the member is told. */
export function createWarning(body: CreateWarningInput) {
  return apiRequest(cellLifePaths.warnings, { method: 'POST', body, schema: warningItemSchema });
}

export function useCreateWarning() {
  const changed = useCellLifeChanged();
  return useMutation({ mutationFn: createWarning, onSuccess: () => changed(), meta: { silent: true } });
}
