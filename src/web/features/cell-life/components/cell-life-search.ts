import { warningQueues, warningStatuses } from '../../../../shared/rules/meeting';
import { enumParam, uuidParam, z } from '../../../lib/search-params';

/** The warnings page keeps its view (the cell's or one's own) and the status filter in the URL. */
export const warningsSearchSchema = z.object({
  tab: enumParam(['cell', 'mine']),
  status: enumParam(warningStatuses),
  /** from the home page: due within days, or not resolved yet */
  queue: enumParam(warningQueues),
});

/** Admins pick the commune whose topics they read; everyone else reads their own. */
export const topicsSearchSchema = z.object({
  unitId: uuidParam(),
});
