import { useMutation } from '@tanstack/react-query';
import { reportPaths, submissionsSchema } from '../../../../shared/contracts/reports';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateReports } from './keys';

export function useSetDeadline() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (body: { unitId: string; year: number; dueDate: string; note?: string | null }) =>
      apiRequest(reportPaths.deadline, { method: 'PUT', body, schema: submissionsSchema }),
    onSuccess: () => invalidate(),
  });
}
