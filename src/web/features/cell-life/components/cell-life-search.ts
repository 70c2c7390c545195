import { z } from 'zod';
import { warningStatuses } from '../../../../shared/rules/meeting';

/** The warnings page keeps its view (the cell's or one's own) and the status filter in the URL. */
export const warningsSearchSchema = z.object({
  tab: z.enum(['cell', 'mine']).optional().catch(undefined),
  status: z.enum(warningStatuses).optional().catch(undefined),
});

/** Admins pick the commune whose topics they read; everyone else reads their own. */
export const topicsSearchSchema = z.object({
  unitId: z.uuid().optional().catch(undefined),
});
