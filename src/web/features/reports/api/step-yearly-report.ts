import { useMutation } from '@tanstack/react-query';
import { reportPaths, yearlyReportSchema } from '../../../../shared/contracts/reports';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateReports } from './keys';

/** Submit (the committee), receive or return with a reason (the committee above). */
export function useStepYearlyReport(id: string) {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (p: { action: 'submit' | 'receive' | 'return'; reason?: string }) =>
      apiRequest(reportPaths.yearlyStep(id, p.action), {
        method: 'POST',
        body: p.action === 'return' ? { reason: p.reason } : undefined,
        schema: yearlyReportSchema,
      }),
    onSuccess: () => invalidate(),
  });
}
