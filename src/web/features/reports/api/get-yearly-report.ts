import { useQuery } from '@tanstack/react-query';
import { reportPaths, yearlyReportSchema } from '../../../../shared/contracts/reports';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './keys';

export function getYearlyReport(id: string) {
  return apiRequest(reportPaths.yearlyOne(id), { schema: yearlyReportSchema });
}

export function useYearlyReport(id: string) {
  return useQuery({ queryKey: reportKeys.yearly(id), queryFn: () => getYearlyReport(id) });
}
