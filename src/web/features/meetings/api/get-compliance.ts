import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { complianceSchema, meetingPaths } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** Art. 4.3: regular meetings held per half-year against the rule, per residential cell under a unit. */
export function getCompliance(unitId: string | undefined, year: number) {
  return apiRequest(meetingPaths.compliance, { query: { unitId, year }, schema: complianceSchema });
}

export function useCompliance(unitId: string | undefined, year: number, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.compliance(unitId, year),
    queryFn: () => getCompliance(unitId, year),
    placeholderData: keepPreviousData,
    enabled,
  });
}
