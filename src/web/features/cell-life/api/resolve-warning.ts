import { useMutation } from '@tanstack/react-query';
import { cellLifePaths, warningItemSchema } from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { useCellLifeChanged } from './keys';

/** The cell records that the member improved (also after the workplace was told). */
export function resolveWarning({ id, resolution }: { id: string; resolution: string }) {
  return apiRequest(cellLifePaths.warningResolve(id), {
    method: 'POST',
    body: { resolution },
    schema: warningItemSchema,
  });
}

export function useResolveWarning() {
  const changed = useCellLifeChanged();
  return useMutation({ mutationFn: resolveWarning, onSuccess: () => changed(), meta: { silent: true } });
}
