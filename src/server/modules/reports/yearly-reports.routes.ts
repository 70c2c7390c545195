import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, idParamSchema } from '../../../shared/contracts/common';
import {
  consolidatedQuerySchema,
  deadlineBodySchema,
  reportPaths as p,
  returnYearlyReportBodySchema,
  saveYearlyReportBodySchema,
  startYearlyReportBodySchema,
  submissionsQuerySchema,
  submissionsSchema,
  yearlyReportListQuerySchema,
  yearlyReportListSchema,
  yearlyReportSchema,
} from '../../../shared/contracts/reports';
import type { AppContext } from '../../context';
import { MIME, sendFile } from '../../http/send-file';
import { consolidatedFile, yearlyReportFile } from './yearly-report-documents.service';
import * as yearly from './yearly-reports.service';

const tags = ['yearly reports'];
const errors = { 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
const file = { 200: z.any().describe('the document'), ...errors };

/** The yearly report upward (Art. 5): write, sign and submit; receive or return; deadlines; consolidation. */
export function yearlyReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = { db: ctx.db, clock: ctx.clock, overdueDays: ctx.config.introductionOverdueDays };

    app.get(p.yearly, { schema: { tags, summary: 'The committees the actor reports for, with their report of the year', querystring: yearlyReportListQuerySchema, response: { 200: yearlyReportListSchema, ...errors } } },
      async (req) => yearly.listMine(deps, req.actor!, req.query.year));
    app.post(p.yearly, { schema: { tags, summary: 'Start the committee’s report of the year (one per committee and year; a repeat returns it)', body: startYearlyReportBodySchema, response: { 200: yearlyReportSchema, ...errors } } },
      async (req) => yearly.startReport(deps, req.actor!, req.body));
    app.get('/api/reports/yearly/:id', { schema: { tags, summary: 'One report with its figures, texts, allowed steps and history', params: idParamSchema, response: { 200: yearlyReportSchema, ...errors } } },
      async (req) => yearly.getReport(deps, req.actor!, req.params.id));
    app.put('/api/reports/yearly/:id', { schema: { tags, summary: 'Save the texts (and take the figures again); refused over a newer save', params: idParamSchema, body: saveYearlyReportBodySchema, response: { 200: yearlyReportSchema, ...errors } } },
      async (req) => yearly.saveReport(deps, req.actor!, req.params.id, req.body));
    app.post('/api/reports/yearly/:id/submit', { schema: { tags, summary: 'Sign and submit to the superior committee (figures frozen, number given)', params: idParamSchema, response: { 200: yearlyReportSchema, ...errors } } },
      async (req) => yearly.submitReport(deps, req.actor!, req.params.id));
    app.post('/api/reports/yearly/:id/receive', { schema: { tags, summary: 'The superior committee receives the report', params: idParamSchema, response: { 200: yearlyReportSchema, ...errors } } },
      async (req) => yearly.decideReport(deps, req.actor!, req.params.id, 'receive'));
    app.post('/api/reports/yearly/:id/return', { schema: { tags, summary: 'The superior committee returns the report with a reason', params: idParamSchema, body: returnYearlyReportBodySchema, response: { 200: yearlyReportSchema, ...errors } } },
      async (req) => yearly.decideReport(deps, req.actor!, req.params.id, 'return', req.body.reason));
    app.get('/api/reports/yearly/:id/report.pdf', { schema: { tags, summary: 'The report as PDF (official layout; “DỰ THẢO” until submitted)', params: idParamSchema, response: file } },
      async (req, reply) => sendFile(reply, await yearlyReportFile(deps, req.actor!, req.params.id, 'pdf'), MIME.pdf));
    app.get('/api/reports/yearly/:id/report.docx', { schema: { tags, summary: 'The report as Word', params: idParamSchema, response: file } },
      async (req, reply) => sendFile(reply, await yearlyReportFile(deps, req.actor!, req.params.id, 'docx'), MIME.docx));
    app.get('/api/reports/yearly/:id/annex.xlsx', { schema: { tags, summary: 'The report’s annex (figures per child unit) as Excel', params: idParamSchema, response: file } },
      async (req, reply) => sendFile(reply, await yearlyReportFile(deps, req.actor!, req.params.id, 'xlsx'), MIME.xlsx));
    app.get(p.submissions, { schema: { tags, summary: 'The superior’s view: who reports to it, who has submitted, who is late', querystring: submissionsQuerySchema, response: { 200: submissionsSchema, ...errors } } },
      async (req) => yearly.submissions(deps, req.actor!, req.query));
    app.put(p.deadline, { schema: { tags, summary: 'The superior committee sets the deadline of the year’s reports (the committees are told)', body: deadlineBodySchema, response: { 200: submissionsSchema, ...errors } } },
      async (req) => yearly.setDeadline(deps, req.actor!, req.body));
    app.get(p.consolidatedPdf, { schema: { tags, summary: 'The consolidated report of the subtree, from the submitted reports, as PDF', querystring: consolidatedQuerySchema, response: file } },
      async (req, reply) => sendFile(reply, await consolidatedFile(deps, req.actor!, req.query, 'pdf'), MIME.pdf));
    app.get(p.consolidatedDocx, { schema: { tags, summary: 'The consolidated report as Word', querystring: consolidatedQuerySchema, response: file } },
      async (req, reply) => sendFile(reply, await consolidatedFile(deps, req.actor!, req.query, 'docx'), MIME.docx));
    app.get(p.consolidatedXlsx, { schema: { tags, summary: 'The consolidated figures per committee as Excel', querystring: consolidatedQuerySchema, response: file } },
      async (req, reply) => sendFile(reply, await consolidatedFile(deps, req.actor!, req.query, 'xlsx'), MIME.xlsx));
  };
}
