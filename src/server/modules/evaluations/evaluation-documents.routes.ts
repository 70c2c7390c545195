import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, idParamSchema } from '../../../shared/contracts/common';
import { batchPdfQuerySchema, evaluationPaths as p } from '../../../shared/contracts/evaluations';
import type { AppContext } from '../../context';
import { registerMessages } from '../../i18n/messages';
import { MIME } from '../../http/send-file';
import { sendExport } from '../privacy/export-audit';
import * as print from './evaluation-print.service';

registerMessages({
  evaluation_print_too_many: {
    vi: 'In tối đa {max} phiếu một lần; hãy in theo từng chi bộ hoặc từng năm.',
    en: 'Print at most {max} forms at a time; print one cell or one year at a time.',
  },
});

const tags = ['evaluations'];
const PDF = MIME.pdf;
const DOCX = MIME.docx;
const file = (description: string) => ({ 200: z.any().describe(description), 404: errorResponseSchema });

/**
 * The evaluation form as paper (Art. 4.4–4.5): one form as PDF or Word, or a cell's forms for a year.
 * Registered as its own plugin; `/api/evaluations/forms.pdf` is a static route, which Fastify matches
 * before the parametric `/api/evaluations/:id`.
 */
export function evaluationDocumentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = {
      db: ctx.db,
      clock: ctx.clock,
      publicUrl: ctx.config.publicUrl,
      documentSecret: ctx.config.documentSecret,
    };

    app.get(
      p.batchPdf,
      {
        schema: {
          tags,
          summary: 'A residential cell’s forms for a year in one PDF (name order, at most 500)',
          querystring: batchPdfQuerySchema,
          response: { ...file('the forms as PDF'), 422: errorResponseSchema },
        },
      },
      async (req, reply) => sendExport(ctx.db, req, reply, await print.cellFormsPdf(deps, req.actor!, req.query), PDF, { what: 'evaluations.pdf', filters: req.query }),
    );
    app.get(
      '/api/evaluations/:id/form.pdf',
      {
        schema: {
          tags,
          summary: 'The form as PDF (official layout; QR verification once confirmed, “DỰ THẢO” before)',
          params: idParamSchema,
          response: file('the form as PDF'),
        },
      },
      async (req, reply) => sendExport(ctx.db, req, reply, await print.evaluationPdf(deps, req.actor!, req.params.id), PDF, { what: 'evaluation.pdf', filters: { evaluationId: req.params.id }, rowCount: 1, read: { evaluationId: req.params.id } }),
    );
    app.get(
      '/api/evaluations/:id/form.docx',
      {
        schema: {
          tags,
          summary: 'The form as Word (DOCX)',
          params: idParamSchema,
          response: file('the form as DOCX'),
        },
      },
      async (req, reply) =>
        sendExport(ctx.db, req, reply, await print.evaluationDocx(deps, req.actor!, req.params.id), DOCX, { what: 'evaluation.docx', filters: { evaluationId: req.params.id }, rowCount: 1, read: { evaluationId: req.params.id } }),
    );
  };
}
