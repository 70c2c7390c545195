import { z } from 'zod';

/** The periodic jobs shared by the servers (decision 0011), as administrators see them: read-only. */
export const jobPaths = { list: '/api/admin/jobs' } as const;

export const jobSchema = z.object({
  /** stable key, also the i18n key of its label (`jobs.names.<name>`) */
  name: z.string(),
  everyMs: z.number().int(),
  nextRunAt: z.string().nullable(),
  /** a server holds the job until `lockedUntil`: a run is in progress */
  running: z.boolean(),
  lockedBy: z.string().nullable(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastResult: z.unknown(),
  runs: z.number().int(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListSchema = z.object({ items: z.array(jobSchema) });
