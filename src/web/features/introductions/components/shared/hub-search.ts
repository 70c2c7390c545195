import { enumParam, textParam, uuidParam, z } from '../../../../lib/search-params';

/** The hubs keep the chosen unit and tab in the URL, so a link (or a notification) opens the same view. */
export const hubSearchSchema = z.object({
  unitId: uuidParam(),
  tab: textParam(30),
  /** the commune's incoming letters: to receive (issued) or to place (received) */
  status: enumParam(['issued', 'received']),
});
export type HubSearch = z.infer<typeof hubSearchSchema>;
