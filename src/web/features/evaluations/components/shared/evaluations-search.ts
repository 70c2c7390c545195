import { z } from 'zod';

/** The evaluation pages keep the side, unit and tab in the URL, so a link (or a notification) opens the same view. */
export const evaluationsSearchSchema = z.object({
  side: z.enum(['cell', 'front', 'commune']).optional().catch(undefined),
  tab: z.enum(['forms', 'backlog']).optional().catch(undefined),
});

export const workplaceSearchSchema = z.object({
  unitId: z.uuid().optional().catch(undefined),
  tab: z.enum(['review', 'backlog', 'noComment', 'requests']).optional().catch(undefined),
});
