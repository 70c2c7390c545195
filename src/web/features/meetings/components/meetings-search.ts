import { z } from 'zod';

/** The meetings pages keep the chosen cell, tab and year in the URL, so a link opens the same view. */
export const meetingsSearchSchema = z.object({
  cellId: z.uuid().optional().catch(undefined),
  tab: z.enum(['upcoming', 'past', 'mine']).optional().catch(undefined),
});

export const meetingSearchSchema = z.object({
  tab: z.enum(['attendance', 'minutes']).optional().catch(undefined),
});

export const checkInSearchSchema = z.object({
  code: z.string().max(100).optional().catch(undefined),
});

export const complianceSearchSchema = z.object({
  unitId: z.uuid().optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
