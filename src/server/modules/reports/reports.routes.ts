import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../../shared/contracts/common';
import {
  dashboardQuerySchema,
  dashboardSchema,
  drillListSchema,
  drillQuerySchema,
  rebuildResultSchema,
  reportPaths as p,
} from '../../../shared/contracts/reports';
import type { AppContext } from '../../context';
import { isAdmin } from '../../http/actor';
import { Forbidden } from '../../http/errors';
import { MIME, sendFile } from '../../http/send-file';
import { registerMessages } from '../../i18n/messages';
import { getDashboard } from './dashboard.service';
import { drillList } from './drill.service';
import { rebuildFigures } from './figures/figures.service';
import { dashboardWorkbook, drillWorkbook } from './report-exports.service';
import { reportMessages } from './reports.messages';

registerMessages(reportMessages);

const tags = ['reports'];
const errors = {
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};
const xlsx = { 200: z.any().describe('xlsx'), ...errors };

/** Dashboards for superior committees (Art. 5) and the lists behind their figures. */
export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = { db: ctx.db, clock: ctx.clock, overdueDays: ctx.config.introductionOverdueDays };

    app.get(
      p.dashboard,
      {
        schema: {
          tags,
          summary:
            'Figures of a unit’s subtree and of each child unit, for a year (or half-year), with the three-year trend',
          querystring: dashboardQuerySchema,
          response: { 200: dashboardSchema, ...errors },
        },
      },
      async (req) => getDashboard(deps, req.actor!, req.query),
    );
    app.get(
      p.dashboardXlsx,
      {
        schema: {
          tags,
          summary: 'The dashboard tables as Excel (one sheet per side, ratings by criterion)',
          querystring: dashboardQuerySchema.omit({ cursor: true }),
          response: xlsx,
        },
      },
      async (req, reply) => sendFile(reply, await dashboardWorkbook(deps, req.actor!, req.query), MIME.xlsx),
    );
    app.get(
      p.drill,
      {
        schema: {
          tags,
          summary: 'The list behind a figure (same unit, side and period), in keyset pages',
          querystring: drillQuerySchema,
          response: { 200: drillListSchema, ...errors },
        },
      },
      async (req) => drillList(deps, req.actor!, req.query),
    );
    app.get(
      p.drillXlsx,
      {
        schema: {
          tags,
          summary: 'The list behind a figure as Excel',
          querystring: drillQuerySchema.omit({ cursor: true, limit: true }),
          response: xlsx,
        },
      },
      async (req, reply) => sendFile(reply, await drillWorkbook(deps, req.actor!, req.query), MIME.xlsx),
    );
    app.post(
      p.rebuild,
      {
        schema: {
          tags,
          summary: 'Administrators: recompute every figure from the data (after an import or a repair)',
          response: { 200: rebuildResultSchema, ...errors },
        },
      },
      async (req) => {
        if (!isAdmin(req.actor!)) throw new Forbidden('report_rebuild_admin_only');
        const started = performance.now();
        await rebuildFigures(deps);
        return { ok: true as const, seconds: Math.round((performance.now() - started) / 100) / 10 };
      },
    );
  };
}
