import { useMutation } from '@tanstack/react-query';
import { cellLifePaths, warningItemSchema } from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { useCellLifeChanged } from './keys';

/** The cell withdraws an open warning (given by mistake); it stays on record as withdrawn. */
export function withdrawWarning(id: string) {
  return apiRequest(cellLifePaths.warningWithdraw(id), { method: 'POST', schema: warningItemSchema });
}

export function useWithdrawWarning() {
  const changed = useCellLifeChanged();
  return useMutation({ mutationFn: withdrawWarning, onSuccess: () => changed(), meta: { silent: true } });
}
