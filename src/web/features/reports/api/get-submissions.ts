import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { reportPaths, submissionsSchema } from '../../../../shared/contracts/reports';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from './keys';

export function getSubmissions(filters: { unitId?: string; year?: number }) {
  return apiRequest(reportPaths.submissions, { query: filters, schema: submissionsSchema });
}

/** Who reports to the committee, where each report stands, who is late. */
export function useSubmissions(filters: { unitId?: string; year?: number }, enabled = true) {
  return useQuery({ queryKey: reportKeys.submissions(filters), queryFn: () => getSubmissions(filters), placeholderData: keepPreviousData, enabled });
}
