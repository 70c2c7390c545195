import { useMutation } from '@tanstack/react-query';
import { reportPaths, yearlyReportSchema } from '../../../../shared/contracts/reports';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateReports } from './keys';

/** Start the committee's report of the year (a repeat opens the same report). */
export function useStartYearlyReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (body: { unitId: string; year: number }) => apiRequest(reportPaths.yearly, { method: 'POST', body, schema: yearlyReportSchema }),
    onSuccess: () => invalidate(),
  });
}
