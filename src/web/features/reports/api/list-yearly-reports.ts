import { useQuery } from '@tanstack/react-query';
import { reportPaths, yearlyReportListSchema } from '../../../../shared/contracts/reports';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './keys';

export function listYearlyReports(year?: number) {
  return apiRequest(reportPaths.yearly, { query: { year }, schema: yearlyReportListSchema });
}

/** The committees the user writes the yearly report for, each with its report of the year. */
export function useYearlyReports(year?: number) {
  return useQuery({ queryKey: reportKeys.yearlyList(year), queryFn: () => listYearlyReports(year) });
}
