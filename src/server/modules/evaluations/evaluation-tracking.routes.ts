import { z } from 'zod';
import { errorResponseSchema } from '../../../shared/contracts/common';
import {
  backlogQuerySchema,
  backlogSchema,
  classificationsBodySchema,
  classificationsResultSchema,
  evaluationPaths as p,
  noCommentListSchema,
  noCommentQuerySchema,
  reviewListSchema,
  reviewQuerySchema,
} from '../../../shared/contracts/evaluations';
import type { AppContext } from '../../context';
import { isAdmin } from '../../http/actor';
import { Forbidden } from '../../http/errors';
import { remindOverdueEvaluations } from './evaluations.jobs';
import { auditExport } from '../privacy/export-audit';
import { exportReview } from './review-export';
import * as tracking from './tracking.service';
import type { EvaluationApp } from './evaluations.routes';

const errors = {
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};

/** Following the year: backlog, "no comment", the workplace’s review and scores, the overdue reminders. */
export function trackingRoutes(app: EvaluationApp, ctx: AppContext) {
  const deps = {
    db: ctx.db,
    clock: ctx.clock,
    publicUrl: ctx.config.publicUrl,
    documentSecret: ctx.config.documentSecret,
  };
  const tags = ['evaluations'];
  // ── tracking ──
  app.get(
    p.backlog,
    {
      schema: {
        tags,
        summary: 'Where the comments stand per child unit: requested … released, overdue, no comment',
        querystring: backlogQuerySchema,
        response: { 200: backlogSchema, 404: errorResponseSchema },
      },
    },
    async (req) => tracking.backlog(deps, req.actor!, req.query),
  );
  app.get(
    p.noComment,
    {
      schema: {
        tags,
        summary: 'Working members with no comment delivered this year',
        querystring: noCommentQuerySchema,
        response: { 200: noCommentListSchema, 404: errorResponseSchema },
      },
    },
    async (req) => tracking.noComment(deps, req.actor!, req.query),
  );
  app.get(
    p.review,
    {
      schema: {
        tags,
        summary: 'Workplace year-end review: residence outcome next to the classification',
        querystring: reviewQuerySchema,
        response: { 200: reviewListSchema, 404: errorResponseSchema },
      },
    },
    async (req) => tracking.review(deps, req.actor!, req.query),
  );
  app.get(
    p.reviewXlsx,
    {
      schema: {
        tags,
        summary: 'The year-end review as Excel',
        querystring: reviewQuerySchema.omit({ cursor: true, limit: true }),
        response: { 200: z.any().describe('xlsx'), 404: errorResponseSchema },
      },
    },
    async (req, reply) => {
      const { fileName, buffer } = await exportReview(deps, req.actor!, req.query);
      await auditExport(ctx.db, req.actor!, { what: 'evaluation-review.xlsx', filters: req.query });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(buffer);
    },
  );
  app.put(
    p.classifications,
    {
      schema: {
        tags,
        summary: 'The workplace’s yearly scores (Reg. 366), in batch',
        body: classificationsBodySchema,
        response: { 200: classificationsResultSchema, ...errors },
      },
    },
    async (req) => tracking.saveClassifications(deps, req.actor!, req.body),
  );

  app.post(
    '/api/evaluations/jobs/run',
    {
      schema: {
        tags,
        summary: 'Administrators: remind the residence side of overdue forms now',
        response: {
          200: z.object({ evaluations: z.number().int(), people: z.number().int() }),
          403: errorResponseSchema,
        },
      },
    },
    async (req) => {
      if (!isAdmin(req.actor!)) throw new Forbidden();
      return remindOverdueEvaluations({ db: ctx.db, clock: ctx.clock });
    },
  );
}
