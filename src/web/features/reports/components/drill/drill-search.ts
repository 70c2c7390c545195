import { z } from 'zod';
import { reportSides } from '../../../../../shared/rules/report-figures';

/** The list behind a number keeps its figure, unit, side and period in the URL, so a link opens the same rows. */
export const drillSearchSchema = z.object({
  figure: z.string().max(140).catch('workingMembers'),
  side: z.enum(reportSides).catch('residence'),
  unitId: z.uuid().optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  half: z.coerce.number().int().min(1).max(2).optional().catch(undefined),
  scope: z.enum(['tree', 'own']).optional().catch(undefined),
});

export const dashboardSearchSchema = z.object({
  unitId: z.uuid().optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  half: z.coerce.number().int().min(1).max(2).optional().catch(undefined),
  side: z.enum(reportSides).optional().catch(undefined),
  section: z.enum(['coverage', 'cellLife', 'evaluation', 'trend']).optional().catch(undefined),
});
export type DashboardSearch = z.infer<typeof dashboardSearchSchema>;

export const yearlySearchSchema = z.object({
  tab: z.enum(['mine', 'incoming']).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  unitId: z.uuid().optional().catch(undefined),
});
