import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../shared/contracts/common';
import {
  memberReadsQuerySchema,
  myReadsQuerySchema,
  privacyPaths,
  recordReadListSchema,
  retentionBodySchema,
  retentionResultSchema,
} from '../../../shared/contracts/privacy';
import type { AppContext } from '../../context';
import { MIME, sendFile } from '../../http/send-file';
import * as service from './privacy.service';

export function privacyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = { db: ctx.db, clock: ctx.clock };
    app.get(
      privacyPaths.myReads,
      {
        schema: {
          tags: ['privacy'],
          summary: 'Who read my record: officers’ reads, newest first (keyset cursor)',
          querystring: myReadsQuerySchema,
          response: { 200: recordReadListSchema, 404: errorResponseSchema },
        },
      },
      async (req) => {
        // reads still in the writer's buffer (≤ 1 s) are shown too
        await app.readLog.flush();
        return service.listMyReads(deps, req.actor!, req.query);
      },
    );
    app.get(
      privacyPaths.memberReads,
      {
        schema: {
          tags: ['privacy'],
          summary:
            'Reads of one member’s record (admins within their reach; others 404), optionally by one reader',
          params: idParamSchema,
          querystring: memberReadsQuerySchema,
          response: { 200: recordReadListSchema, 404: errorResponseSchema },
        },
      },
      async (req) => {
        await app.readLog.flush();
        return service.listMemberReads(deps, req.actor!, req.params.id, req.query);
      },
    );
    app.get(
      privacyPaths.myExportJson,
      {
        schema: {
          tags: ['privacy'],
          summary: 'Everything held about me, as JSON (audited)',
          response: { 404: errorResponseSchema },
        },
      },
      async (req, reply) =>
        sendFile(reply, await service.exportMyDataJson(deps, req.actor!), 'application/json; charset=utf-8'),
    );
    app.get(
      privacyPaths.myExportPdf,
      {
        schema: {
          tags: ['privacy'],
          summary: 'A printed summary of everything held about me (audited)',
          response: { 404: errorResponseSchema },
        },
      },
      async (req, reply) => sendFile(reply, await service.exportMyDataPdf(deps, req.actor!), MIME.pdf),
    );
    app.post(
      privacyPaths.retention,
      {
        schema: {
          tags: ['privacy'],
          summary: 'Anonymise members ended more than the retention period ago (admins; dryRun counts only)',
          body: retentionBodySchema,
          response: { 200: retentionResultSchema, 404: errorResponseSchema },
        },
      },
      async (req) => service.runRetention(deps, req.actor!, req.body.dryRun),
    );
  };
}
