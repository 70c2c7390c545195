import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema, okSchema } from '../../../shared/contracts/common';
import {
  backlogQuerySchema,
  backlogSchema,
  batchBodySchema,
  cancelBodySchema,
  classificationsBodySchema,
  classificationsResultSchema,
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
  noCommentListSchema,
  noCommentQuerySchema,
  onDemandBodySchema,
  openCycleBodySchema,
  openCycleResponseSchema,
  proposalAnswerBodySchema,
  requestMineBodySchema,
  returnBodySchema,
  reviewListSchema,
  reviewQuerySchema,
  ruleSetCodeParamSchema,
  ruleSetListSchema,
  ruleSetSchema,
  saveFormBodySchema,
  saveSelfReportBodySchema,
  selfReportSchema,
  stepResultSchema,
  versionParamSchema,
  yearQuerySchema,
} from '../../../shared/contracts/evaluations';
import type { AppContext } from '../../context';
import { registerMessages } from '../../i18n/messages';
import { isAdmin } from '../../http/actor';
import { Forbidden } from '../../http/errors';
import { remindOverdueEvaluations } from './evaluations.jobs';
import * as read from './evaluations.service';
import * as mine from './my-evaluation.service';
import { auditExport } from '../privacy/export-audit';
import { logRecordRead } from '../privacy/read-log';
import { evaluationMessages } from './evaluations.messages';
import * as requests from './requests.service';
import { exportReview } from './review-export';
import * as ruleSets from './rule-sets.service';
import * as tracking from './tracking.service';
import * as flow from './workflow.service';

registerMessages(evaluationMessages);

const errors = { 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };

export function evaluationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = { db: ctx.db, clock: ctx.clock, publicUrl: ctx.config.publicUrl, documentSecret: ctx.config.documentSecret };
    const tags = ['evaluations'];

    // ── rule sets (data, versioned) ──
    app.get(p.ruleSets, { schema: { tags: ['rule sets'], summary: 'Rule sets for the yearly evaluation', response: { 200: ruleSetListSchema } } },
      async () => ruleSets.listRuleSets(ctx.db));
    app.get('/api/rule-sets/:code', { schema: { tags: ['rule sets'], summary: 'One rule set: duties, criteria and scales, flags, classification levels', params: ruleSetCodeParamSchema, response: { 200: ruleSetSchema, 404: errorResponseSchema } } },
      async (req) => ruleSets.getRuleSet(ctx.db, req.params.code));
    app.post(p.ruleSets, { schema: { tags: ['rule sets'], summary: 'Administrators: load a successor rule set (no code change)', body: ruleSetSchema, response: { 201: ruleSetSchema, ...errors } } },
      async (req, reply) => reply.code(201).send(await ruleSets.loadRuleSet(ctx.db, req.actor!, req.body)));

    // ── requests ──
    app.get(p.cycles, { schema: { tags, summary: 'Yearly cycles of the workplace committees in reach', querystring: cycleQuerySchema, response: { 200: cycleListSchema } } },
      async (req) => requests.listCycles(deps, req.actor!, req.query));
    app.post(p.cycles, { schema: { tags, summary: 'Open the year’s cycle: ask for every active working member’s comment (or selected ones); repeatable', body: openCycleBodySchema, response: { 200: openCycleResponseSchema, ...errors } } },
      async (req) => requests.openCycle(deps, req.actor!, req.body));
    app.post(p.onDemand, { schema: { tags, summary: 'Ask for a comment on demand (appointment, commendation, discipline, transfer)', body: onDemandBodySchema, response: { 200: createdEvaluationSchema, ...errors } } },
      async (req) => requests.requestOnDemand(deps, req.actor!, req.body));
    app.post(p.requestMine, { schema: { tags, summary: 'The member asks for their own comment (no proxy)', body: requestMineBodySchema, response: { 200: createdEvaluationSchema, ...errors } } },
      async (req) => requests.requestMine(deps, req.actor!, req.body));

    // ── the member ──
    app.get(p.mine, { schema: { tags, summary: 'The member’s own evaluations and self-report for a year', querystring: yearQuerySchema, response: { 200: myEvaluationsSchema, 403: errorResponseSchema } } },
      async (req) => mine.myEvaluations(deps, req.actor!, req.query.year));
    app.put(p.selfReport, { schema: { tags, summary: 'The member’s self-report on the duties (draft or submitted)', body: saveSelfReportBodySchema, response: { 200: selfReportSchema, ...errors } } },
      async (req) => mine.saveSelfReport(deps, req.actor!, req.body));

    // ── tracking ──
    app.get(p.backlog, { schema: { tags, summary: 'Where the comments stand per child unit: requested … released, overdue, no comment', querystring: backlogQuerySchema, response: { 200: backlogSchema, 404: errorResponseSchema } } },
      async (req) => tracking.backlog(deps, req.actor!, req.query));
    app.get(p.noComment, { schema: { tags, summary: 'Working members with no comment delivered this year', querystring: noCommentQuerySchema, response: { 200: noCommentListSchema, 404: errorResponseSchema } } },
      async (req) => tracking.noComment(deps, req.actor!, req.query));
    app.get(p.review, { schema: { tags, summary: 'Workplace year-end review: residence outcome next to the classification', querystring: reviewQuerySchema, response: { 200: reviewListSchema, 404: errorResponseSchema } } },
      async (req) => tracking.review(deps, req.actor!, req.query));
    app.get(p.reviewXlsx, { schema: { tags, summary: 'The year-end review as Excel', querystring: reviewQuerySchema.omit({ cursor: true, limit: true }), response: { 200: z.any().describe('xlsx'), 404: errorResponseSchema } } },
      async (req, reply) => {
        const { fileName, buffer } = await exportReview(deps, req.actor!, req.query);
        await auditExport(ctx.db, req.actor!, { what: 'evaluation-review.xlsx', filters: req.query });
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(buffer);
      });
    app.put(p.classifications, { schema: { tags, summary: 'The workplace’s yearly scores (Reg. 366), in batch', body: classificationsBodySchema, response: { 200: classificationsResultSchema, ...errors } } },
      async (req) => tracking.saveClassifications(deps, req.actor!, req.body));

    app.post('/api/evaluations/jobs/run', { schema: { tags, summary: 'Administrators: remind the residence side of overdue forms now', response: { 200: z.object({ evaluations: z.number().int(), people: z.number().int() }), 403: errorResponseSchema } } },
      async (req) => {
        if (!isAdmin(req.actor!)) throw new Forbidden();
        return remindOverdueEvaluations({ db: ctx.db, clock: ctx.clock });
      });

    // ── lists and batch steps ──
    app.get(p.list, { schema: { tags, summary: 'One side’s evaluations (keyset pages, Vietnamese name order)', querystring: evaluationListQuerySchema, response: { 200: evaluationListSchema } } },
      async (req) => read.listEvaluations(deps, req.actor!, req.query));
    app.post(p.confirm, { schema: { tags, summary: 'The commune confirms signed forms (they go to the workplace)', body: batchBodySchema, response: { 200: stepResultSchema, ...errors } } },
      async (req) => flow.confirmForms(deps, req.actor!, req.body.evaluationIds));
    app.post(p.return, { schema: { tags, summary: 'The commune returns signed forms for revision with a reason (new version)', body: returnBodySchema, response: { 200: stepResultSchema, ...errors } } },
      async (req) => flow.returnForms(deps, req.actor!, req.body.evaluationIds, req.body.reason));
    app.post(p.release, { schema: { tags, summary: 'The workplace releases delivered comments to the members', body: batchBodySchema, response: { 200: stepResultSchema, ...errors } } },
      async (req) => flow.releaseForms(deps, req.actor!, req.body.evaluationIds));
    app.post(p.cancel, { schema: { tags, summary: 'The workplace withdraws requests not yet signed', body: cancelBodySchema, response: { 200: stepResultSchema, ...errors } } },
      async (req) => flow.cancelRequests(deps, req.actor!, req.body.evaluationIds, req.body.reason));

    // ── one evaluation ──
    app.get('/api/evaluations/:id', { schema: { tags, summary: 'One evaluation: form, evidence, self-report, versions, disputes, allowed actions', params: idParamSchema, response: { 200: evaluationDetailSchema, 404: errorResponseSchema } } },
      async (req) => {
        const evaluation = await read.getEvaluation(deps, req.actor!, req.params.id);
        logRecordRead(req, { memberId: evaluation.memberId }, 'evaluation');
        return evaluation;
      });
    app.get('/api/evaluations/:id/versions/:version', { schema: { tags, summary: 'An earlier version of the form', params: versionParamSchema, response: { 200: formContentSchema, 404: errorResponseSchema } } },
      async (req) => read.getVersion(deps, req.actor!, req.params.id, req.params.version));
    app.put('/api/evaluations/:id/form', { schema: { tags, summary: 'The cell fills the form (a draft until signed)', params: idParamSchema, body: saveFormBodySchema, response: { 200: evaluationDetailSchema, ...errors } } },
      async (req) => {
        await flow.saveForm(deps, req.actor!, req.params.id, req.body);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      });
    app.post('/api/evaluations/:id/front-sign', { schema: { tags, summary: 'The Front working committee head co-signs', params: idParamSchema, response: { 200: evaluationDetailSchema, ...errors } } },
      async (req) => {
        await flow.frontSign(deps, req.actor!, req.params.id);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      });
    app.post('/api/evaluations/:id/sign', { schema: { tags, summary: 'The cell secretary signs (flags must be justified)', params: idParamSchema, response: { 200: evaluationDetailSchema, ...errors } } },
      async (req) => {
        await flow.signForm(deps, req.actor!, req.params.id);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      });
    app.post('/api/evaluations/:id/proposal-answer', { schema: { tags, summary: 'The workplace answers a proposal to commend or to consider discipline', params: idParamSchema, body: proposalAnswerBodySchema, response: { 200: okSchema, ...errors } } },
      async (req) => {
        await flow.answerProposal(deps, req.actor!, req.params.id, req.body.answer, req.body.note ?? null);
        return { ok: true as const };
      });
    app.post('/api/evaluations/:id/dispute', { schema: { tags, summary: 'The member disputes a released comment, with reasons', params: idParamSchema, body: disputeBodySchema, response: { 200: evaluationDetailSchema, ...errors } } },
      async (req) => {
        await flow.disputeForm(deps, req.actor!, req.params.id, req.body.reason);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      });
    app.post('/api/evaluations/:id/dialogue', { schema: { tags, summary: 'The workplace records the dialogue with the commune and its outcome', params: idParamSchema, body: dialogueBodySchema, response: { 200: evaluationDetailSchema, ...errors } } },
      async (req) => {
        await flow.recordDialogue(deps, req.actor!, req.params.id, req.body);
        return read.getEvaluation(deps, req.actor!, req.params.id);
      });
  };
}
