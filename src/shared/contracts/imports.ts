import { z } from 'zod';

export const importCommitModeSchema = z.enum(['valid_only', 'all_or_nothing']);
export const importStatusSchema = z.enum(['previewed', 'committing', 'committed', 'failed', 'discarded']);

export const importRowErrorSchema = z.object({
  rowNo: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

export const importJobSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: importStatusSchema,
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  processedRows: z.number().int(),
  insertedRows: z.number().int(),
  updatedRows: z.number().int(),
  unchangedRows: z.number().int(),
  mode: importCommitModeSchema.nullable(),
  error: z.string().nullable(),
  /** first errors, up to 500; the full list is in errorsUrl */
  errors: z.array(importRowErrorSchema),
  createdAt: z.string(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importCommitBodySchema = z.object({ mode: importCommitModeSchema });
