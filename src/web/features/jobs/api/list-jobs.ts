import { useQuery } from '@tanstack/react-query';
import { jobListSchema, jobPaths } from '../../../../shared/contracts/jobs';
import { apiRequest } from '../../../lib/api-client';

export function listJobs() {
  return apiRequest(jobPaths.list, { schema: jobListSchema });
}

/** The periodic jobs and their last run (administrators), refreshed every minute while shown. */
export function useJobs() {
  return useQuery({ queryKey: ['admin', 'jobs'], queryFn: listJobs, refetchInterval: 60_000 });
}
