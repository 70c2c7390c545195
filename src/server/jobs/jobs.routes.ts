import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../shared/contracts/common';
import { jobListSchema, jobPaths, type Job } from '../../shared/contracts/jobs';
import type { AppContext } from '../context';
import { isAdmin } from '../http/actor';
import { Forbidden } from '../http/errors';
import { listJobs } from './jobs.repository';
import { jobs as registered } from './registry';

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** Administrators: every registered job with its schedule and last run (read-only). */
export function jobRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      jobPaths.list,
      {
        schema: {
          tags: ['admin'],
          summary: 'Administrators: the periodic jobs, their schedule and last run',
          response: { 200: jobListSchema, 403: errorResponseSchema },
        },
      },
      async (req) => {
        if (!isAdmin(req.actor!)) throw new Forbidden();
        const rows = new Map((await listJobs(ctx.db)).map((r) => [r.name, r]));
        const now = Date.now();
        const items: Job[] = registered.map((job) => {
          const r = rows.get(job.name);
          return {
            name: job.name,
            everyMs: job.everyMs,
            nextRunAt: iso(r?.nextRunAt ?? null),
            running: !!r?.lockedUntil && new Date(r.lockedUntil).getTime() > now,
            lockedBy: r?.lockedBy ?? null,
            lastStartedAt: iso(r?.lastStartedAt ?? null),
            lastFinishedAt: iso(r?.lastFinishedAt ?? null),
            lastError: r?.lastError ?? null,
            lastResult: r?.lastResult ?? null,
            runs: r?.runs ?? 0,
          };
        });
        return { items };
      },
    );
  };
}
