import { useMutation } from '@tanstack/react-query';
import { activityDetailSchema, cellLifePaths } from '../../../../shared/contracts/cell-life';
import { apiRequest } from '../../../lib/api-client';
import { useActivityUpdated } from './keys';

/** The secretary confirms or rejects a member's own proposal (a note may say why). */
export function decideContribution({
  contributionId,
  decision,
  note,
}: {
  contributionId: string;
  decision: 'confirm' | 'reject';
  note?: string | null;
}) {
  return apiRequest(cellLifePaths.decide(contributionId), {
    method: 'POST',
    body: { decision, note: note ?? null },
    schema: activityDetailSchema,
  });
}

export function useDecideContribution() {
  const updated = useActivityUpdated();
  return useMutation({
    mutationFn: decideContribution,
    onSuccess: (a) => updated(a),
    meta: { silent: true },
  });
}
