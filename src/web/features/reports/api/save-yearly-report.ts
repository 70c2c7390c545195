import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { reportPaths, yearlyReportSchema, type saveYearlyReportBodySchema } from '../../../../shared/contracts/reports';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateReports } from './keys';

export type SaveYearlyReportBody = z.input<typeof saveYearlyReportBodySchema>;

export function useSaveYearlyReport(id: string) {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (body: SaveYearlyReportBody) => apiRequest(reportPaths.yearlyOne(id), { method: 'PUT', body, schema: yearlyReportSchema }),
    onSuccess: () => invalidate(),
  });
}
