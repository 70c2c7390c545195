import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListSchema, auditPaths, auditQuerySchema } from '../../../shared/contracts/audit';
import type { AppContext } from '../../context';
import { listAudit } from './audit.service';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      auditPaths.list,
      {
        schema: {
          tags: ['audit'],
          summary:
            'Audit trail of one record (entityType + entityId) or of a unit subtree (unitId), newest first',
          querystring: auditQuerySchema,
          response: { 200: auditListSchema },
        },
      },
      async (request) => listAudit(ctx.db, request.actor!, request.query),
    );
  };
}
