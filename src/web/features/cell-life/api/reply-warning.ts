import { useMutation } from '@tanstack/react-query';
import { cellLifePaths, warningItemSchema } from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { useCellLifeChanged } from './keys';

/** The member answers the cell (a later answer replaces the earlier one). */
export function replyToWarning({ id, reply }: { id: string; reply: string }) {
  return apiRequest(cellLifePaths.warningReply(id), {
    method: 'POST',
    body: { reply },
    schema: warningItemSchema,
  });
}

export function useReplyToWarning() {
  const changed = useCellLifeChanged();
  return useMutation({ mutationFn: replyToWarning, onSuccess: () => changed(), meta: { silent: true } });
}
