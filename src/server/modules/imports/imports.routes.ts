import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../shared/contracts/common';
import { importCommitBodySchema, importJobSchema } from '../../../shared/contracts/imports';
import { memberListQuerySchema, memberPaths } from '../../../shared/contracts/members';
import type { AppContext } from '../../context';
import { AppError, BadRequest } from '../../http/errors';
import { requestLocale } from '../../http/locale';
import { exportFileName, exportMembers } from './imports.export';
import { auditExport } from '../privacy/export-audit';
import * as service from './imports.service';
import { buildImportTemplate } from './imports.template';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exportQuerySchema = memberListQuerySchema.omit({ cursor: true, limit: true });

export function importRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = { db: ctx.db, clock: ctx.clock };

    app.get(
      memberPaths.importTemplate,
      { schema: { tags: ['imports'], summary: 'Excel template for the member import, with a guide sheet' } },
      async (request, reply) => {
        service.assertImporter(request.actor!);
        return reply
          .type(XLSX_MIME)
          .header('content-disposition', 'attachment; filename="mau-nhap-dang-vien.xlsx"')
          .send(await buildImportTemplate());
      },
    );

    app.post(
      memberPaths.importUpload,
      {
        schema: {
          tags: ['imports'],
          summary:
            'Upload an .xlsx or .csv (multipart field `file`); every row is checked and previewed, nothing is imported yet',
          consumes: ['multipart/form-data'],
          response: {
            201: importJobSchema,
            400: errorResponseSchema,
            413: errorResponseSchema,
            422: errorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        service.assertImporter(request.actor!);
        const file = await request.file();
        if (!file) throw new BadRequest('import.noFile');
        const bytes = await file.toBuffer();
        // Over the multipart limit the stream is cut short: never preview half a file.
        if (file.file.truncated) throw new AppError(413, 'payload_too_large');
        const job = await service.previewImport(
          deps,
          request.actor!,
          { fileName: file.filename || 'import', bytes },
          requestLocale(request),
        );
        return reply.status(201).send(job);
      },
    );

    app.get(
      '/api/members/import/:id',
      {
        schema: {
          tags: ['imports'],
          summary: 'An import job with its progress and first errors (its creator or an admin)',
          params: idParamSchema,
          response: { 200: importJobSchema, 404: errorResponseSchema },
        },
      },
      async (request) =>
        service.getImportJob(deps, request.actor!, request.params.id, requestLocale(request)),
    );

    app.post(
      '/api/members/import/:id/commit',
      {
        schema: {
          tags: ['imports'],
          summary:
            'Import a previewed job in the background (valid rows only, or all or nothing); poll the job for progress',
          params: idParamSchema,
          body: importCommitBodySchema,
          response: { 202: importJobSchema, 404: errorResponseSchema, 409: errorResponseSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(
            await service.commitImport(
              deps,
              request.actor!,
              request.params.id,
              request.body.mode,
              requestLocale(request),
            ),
          ),
    );

    app.delete(
      '/api/members/import/:id',
      {
        schema: {
          tags: ['imports'],
          summary: 'Discard a previewed import job',
          params: idParamSchema,
          response: { 200: importJobSchema, 404: errorResponseSchema, 409: errorResponseSchema },
        },
      },
      async (request) =>
        service.discardImport(deps, request.actor!, request.params.id, requestLocale(request)),
    );

    app.get(
      memberPaths.export,
      {
        schema: {
          tags: ['imports'],
          summary: 'Every member the actor can see that matches the filters, as a streamed .xlsx',
          querystring: exportQuerySchema,
        },
      },
      async (request, reply) => {
        // audited once the last row is written (the file streams, its size is known at the end)
        const stream = await exportMembers(deps, request.actor!, request.query, (rowCount) =>
          auditExport(ctx.db, request.actor!, { what: 'members.xlsx', filters: request.query, rowCount }).catch((err: unknown) => request.log.error({ err }, 'export audit')),
        );
        return reply
          .type(XLSX_MIME)
          .header('content-disposition', `attachment; filename="${exportFileName(ctx.clock.now())}"`)
          .send(stream);
      },
    );
  };
}
