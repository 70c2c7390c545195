import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema, okSchema } from '../../../shared/contracts/common';
import {
  batchBodySchema,
  cancelBodySchema,
  createdEvaluationSchema,
  cycleListSchema,
  cycleQuerySchema,
  dialogueBodySchema,
  disputeBodySchema,
  evaluationDetailSchema,
  evaluationListQuerySchema,
  evaluationListSchema,
  evaluationPaths as p,
  formContentSchema,
  myEvaluationsSchema,
  onDemandBodySchema,
  openCycleBodySchema,
  openCycleResponseSchema,
  proposalAnswerBodySchema,
  requestMineBodySchema,
  returnBodySchema,
  saveFormBodySchema,
  saveSelfReportBodySchema,
  selfReportSchema,
  stepResultSchema,
  versionParamSchema,
  yearQuerySchema,
} from '../../../shared/contracts/evaluations';
import type { AppContext } from '../../context';
import { registerMessages } from '../../i18n/messages';
import * as read from './evaluations.service';
import * as mine from './my-evaluation.service';
import { logRecordRead } from '../privacy/read-log';
import { evaluationMessages } from './evaluations.messages';
import * as requests from './requests.service';
import * as flow from './workflow.service';
import { trackingRoutes } from './evaluation-tracking.routes';
import { ruleSetRoutes } from '../rule-sets/rule-sets.routes';

registerMessages(evaluationMessages);

const errors = {
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};

/** The app the evaluation routes are added to (the plugin's instance, shared by the route files). */
export type EvaluationApp = Parameters<FastifyPluginAsyncZod>[0];

export function evaluationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = {
      db: ctx.db,
      clock: ctx.clock,
      publicUrl: ctx.config.publicUrl,
      documentSecret: ctx.config.documentSecret,
    };
    const tags = ['evaluations'];
    ruleSetRoutes(app, ctx);
    trackingRoutes(app, ctx);

    // ── requests ──
    app.get(
      p.cycles,
      {
        schema: {
          tags,
          summary: 'Yearly cycles of the workplace committees in reach',
          querystring: cycleQuerySchema,
          response: { 200: cycleListSchema },
        },
      },
      async (req) => requests.listCycles(deps, req.actor!, req.query),
    );
    app.post(
      p.cycles,
      {
        schema: {
          tags,
          summary:
            'Open the year’s cycle: ask for every active working member’s comment (or selected ones); repeatable',
          body: openCycleBodySchema,
          response: { 200: openCycleResponseSchema, ...errors },
        },
      },
      async (req) => requests.openCycle(deps, req.actor!, req.body),
    );
    app.post(
      p.onDemand,
      {
        schema: {
          tags,
          summary: 'Ask for a comment on demand (appointment, commendation, discipline, transfer)',
          body: onDemandBodySchema,
          response: { 200: createdEvaluationSchema, ...errors },
        },
      },
      async (req) => requests.requestOnDemand(deps, req.actor!, req.body),
    );
    app.post(
      p.requestMine,
      {
        schema: {
          tags,
          summary: 'The member asks for their own comment (no proxy)',
          body: requestMineBodySchema,
          response: { 200: createdEvaluationSchema, ...errors },
        },
      },
      async (req) => requests.requestMine(deps, req.actor!, req.body),
    );

    // ── the member ──
    app.get(
      p.mine,
      {
        schema: {
          tags,
          summary: 'The member’s own evaluations and self-report for a year',
          querystring: yearQuerySchema,
          response: { 200: myEvaluationsSchema, 403: errorResponseSchema },
        },
      },
      async (req) => mine.myEvaluations(deps, req.actor!, req.query.year),
    );
    app.put(
      p.selfReport,
      {
        schema: {
          tags,
          summary: 'The member’s self-report on the duties (draft or submitted)',
          body: saveSelfReportBodySchema,
          response: { 200: selfReportSchema, ...errors },
        },
      },
      async (req) => mine.saveSelfReport(deps, req.actor!, req.body),
    );

    // ── lists and batch steps ──
    app.get(
      p.list,
      {
        schema: {
          tags,
          summary: 'One side’s evaluations (keyset pages, Vietnamese name order)',
          querystring: evaluationListQuerySchema,
          response: { 200: evaluationListSchema },
        },
      },
      async (req) => read.listEvaluations(deps, req.actor!, req.query),
    );
    app.post(
      p.confirm,
      {
        schema: {
          tags,
          summary: 'The commune confirms signed forms (they go to the workplace)',
          body: batchBodySchema,
          response: { 200: stepResultSchema, ...errors },
        },
      },
      async (req) => flow.confirmForms(deps, req.actor!, req.body.evaluationIds),
    );
    app.post(
      p.return,
      {
        schema: {
          tags,
          summary: 'The commune returns signed forms for revision with a reason (new version)',
          body: returnBodySchema,
          response: { 200: stepResultSchema, ...errors },
        },
      },
      async (req) => flow.returnForms(deps, req.actor!, req.body.evaluationIds, req.body.reason),
    );
    app.post(
      p.release,
      {
        schema: {
          tags,
          summary: 'The workplace releases delivered comments to the members',
          body: batchBodySchema,
          response: { 200: stepResultSchema, ...errors },
        },
      },
      async (req) => flow.releaseForms(deps, req.actor!, req.body.evaluationIds),
    );
    app.post(
      p.cancel,
      {
        schema: {
          tags,
          summary: 'The workplace withdraws requests not yet signed',
          body: cancelBodySchema,
          response: { 200: stepResultSchema, ...errors },
        },
      },
      async (req) => flow.cancelRequests(deps, req.actor!, req.body.evaluationIds, req.body.reason),
    );

    // ── one evaluation ──
    app.get(
      '/api/evaluations/:id',
      {
        schema: {
          tags,
          summary: 'One evaluation: form, evidence, self-report, versions, disputes, allowed actions',
          params: idParamSchema,
          response: { 200: evaluationDetailSchema, 404: errorResponseSchema },
        },
      },
      async (req) => {
        const evaluation = await read.getEvaluation(deps, req.actor!, req.params.id);
        logRecordRead(req, { memberId: evaluation.memberId }, 'evaluation');
        return evaluation;
      },
    );
    app.get(
      '/api/evaluations/:id/versions/:version',
      {
        schema: {
          tags,
          summary: 'An earlier version of the form',
          params: versionParamSchema,
          response: { 200: formContentSchema, 404: errorResponseSchema },
        },
      },
      async (req) => read.getVersion(deps, req.actor!, req.params.id, req.params.version),
    );
    app.put(
      '/api/evaluations/:id/form',
      {
        schema: {
          tags,
          summary: 'The cell fills the form (a draft until signed)',
          params: idParamSchema,
          body: saveFormBodySchema,
          response: { 200: evaluationDetailSchema, ...errors },
        },
      },
      async (req) => {
        await flow.saveForm(deps, req.actor!, req.params.id, req.body);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      },
    );
    app.post(
      '/api/evaluations/:id/front-sign',
      {
        schema: {
          tags,
          summary: 'The Front working committee head co-signs',
          params: idParamSchema,
          response: { 200: evaluationDetailSchema, ...errors },
        },
      },
      async (req) => {
        await flow.frontSign(deps, req.actor!, req.params.id);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      },
    );
    app.post(
      '/api/evaluations/:id/sign',
      {
        schema: {
          tags,
          summary: 'The cell secretary signs (flags must be justified)',
          params: idParamSchema,
          response: { 200: evaluationDetailSchema, ...errors },
        },
      },
      async (req) => {
        await flow.signForm(deps, req.actor!, req.params.id);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      },
    );
    app.post(
      '/api/evaluations/:id/proposal-answer',
      {
        schema: {
          tags,
          summary: 'The workplace answers a proposal to commend or to consider discipline',
          params: idParamSchema,
          body: proposalAnswerBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (req) => {
        await flow.answerProposal(deps, req.actor!, req.params.id, req.body.answer, req.body.note ?? null);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/evaluations/:id/dispute',
      {
        schema: {
          tags,
          summary: 'The member disputes a released comment, with reasons',
          params: idParamSchema,
          body: disputeBodySchema,
          response: { 200: evaluationDetailSchema, ...errors },
        },
      },
      async (req) => {
        await flow.disputeForm(deps, req.actor!, req.params.id, req.body.reason);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      },
    );
    app.post(
      '/api/evaluations/:id/dialogue',
      {
        schema: {
          tags,
          summary: 'The workplace records the dialogue with the commune and its outcome',
          params: idParamSchema,
          body: dialogueBodySchema,
          response: { 200: evaluationDetailSchema, ...errors },
        },
      },
      async (req) => {
        await flow.recordDialogue(deps, req.actor!, req.params.id, req.body);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      },
    );
  };
}
