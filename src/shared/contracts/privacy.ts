import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './common';

/** One officer's read of a member's record (Personal Data Protection Law): who, which unit, when, from which page. */
export const recordReadSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  readerUserId: z.uuid(),
  readerName: z.string().nullable(),
  readerUnitId: z.uuid().nullable(),
  readerUnitName: z.string().nullable(),
  what: z.string(),
  source: z.string().nullable(),
});
export type RecordRead = z.infer<typeof recordReadSchema>;

export const recordReadListSchema = pageSchema(recordReadSchema);
export type RecordReadList = z.infer<typeof recordReadListSchema>;

export const myReadsQuerySchema = pageQuerySchema;
export const memberReadsQuerySchema = pageQuerySchema.extend({ readerUserId: z.uuid().optional() });
export type MemberReadsQuery = z.infer<typeof memberReadsQuerySchema>;

/** What the retention run did (or, on a dry run, would do). */
export const retentionResultSchema = z.object({
  dryRun: z.boolean(),
  /** members whose membership ended before this day (yyyy-mm-dd) are anonymised */
  endedBefore: z.string(),
  count: z.number().int(),
});
export type RetentionResult = z.infer<typeof retentionResultSchema>;
export const retentionBodySchema = z.object({ dryRun: z.boolean().default(true) });

/** The page a read comes from, sent by the web client (`/members/…`), kept as the read's source. */
export const READ_SOURCE_HEADER = 'x-read-source';

export const privacyPaths = {
  myReads: '/api/me/record-reads',
  myExportJson: '/api/me/data-export.json',
  myExportPdf: '/api/me/data-export.pdf',
  memberReads: '/api/members/:id/record-reads',
  retention: '/api/admin/retention',
} as const;
