import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { homePaths, homeTodaySchema } from '../../../shared/contracts/home';
import type { AppContext } from '../../context';
import { todaysWork, type HomeDeps } from './home.service';

/** The home page's "today's work": what waits for the actor in each of their roles. */
export function homeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps: HomeDeps = {
      db: ctx.db,
      clock: ctx.clock,
      config: { publicUrl: ctx.config.publicUrl, documentSecret: ctx.config.documentSecret, overdueDays: ctx.config.introductionOverdueDays },
    };
    app.get(
      homePaths.today,
      {
        schema: {
          tags: ['home'],
          summary: 'Today’s work for each of the actor’s roles: counts of what waits, each with the list (web path and search) that shows those items',
          response: { 200: homeTodaySchema },
        },
      },
      async (req) => todaysWork(deps, req.actor!),
    );
  };
}
