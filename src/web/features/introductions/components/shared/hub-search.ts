import { z } from 'zod';

/** The hubs keep the chosen unit and tab in the URL, so a link (or a notification) opens the same view. */
export const hubSearchSchema = z.object({
  unitId: z.uuid().optional().catch(undefined),
  tab: z.string().max(30).optional().catch(undefined),
});
export type HubSearch = z.infer<typeof hubSearchSchema>;
