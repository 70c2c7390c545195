import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, idParamSchema, okSchema } from '../../../shared/contracts/common';
import {
  coverageQuerySchema,
  coverageSchema,
  createLettersBodySchema,
  createLettersResponseSchema,
  createNoticeBodySchema,
  createNoticeResponseSchema,
  createRequestResponseSchema,
  letterIdResponseSchema,
  createRequestBodySchema,
  declineRequestBodySchema,
  fulfilRequestBodySchema,
  introductionPaths as p,
  letterDetailSchema,
  letterIdsBodySchema,
  letterListQuerySchema,
  letterListResponseSchema,
  myResidenceSchema,
  noticeListQuerySchema,
  noticeListResponseSchema,
  placeLettersBodySchema,
  printLettersBodySchema,
  rejectLettersBodySchema,
  reminderRunSchema,
  reportMoveBodySchema,
  reportMoveResponseSchema,
  requestListQuerySchema,
  requestListResponseSchema,
  resendLetterBodySchema,
  residentsQuerySchema,
  residentsResponseSchema,
  transitionResultSchema,
  unitQuerySchema,
  workplaceMembersQuerySchema,
  workplaceMembersResponseSchema,
  workplaceSummarySchema,
} from '../../../shared/contracts/introductions';
import type { AppContext } from '../../context';
import { isAdmin } from '../../http/actor';
import { Forbidden } from '../../http/errors';
import { registerMessages } from '../../i18n/messages';
import { MIME } from '../../http/send-file';
import { sendExport } from '../privacy/export-audit';
import { logRecordRead } from '../privacy/read-log';
import { introductionMessages } from './introductions.messages';
import * as print from './letter-print.service';
import * as letters from './letters.service';
import * as queues from './queues.service';
import { sendOverdueReminders } from './reminders';
import * as requests from './requests.service';
import * as residence from './residence.service';

registerMessages(introductionMessages);

const tags = ['introductions'];
const errors = { 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
const batchIdParamSchema = z.object({ batchId: z.uuid() });
const fileSchema = { 200: z.any().describe('the document file') };

const PDF = MIME.pdf;
const DOCX = MIME.docx;

export function introductionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps: letters.LetterDeps = {
      db: ctx.db,
      clock: ctx.clock,
      config: { publicUrl: ctx.config.publicUrl, documentSecret: ctx.config.documentSecret, overdueDays: ctx.config.introductionOverdueDays },
      memberHooks: ctx.memberHooks,
    };

    // ── letters ──
    app.get(p.letters, { schema: { tags, summary: 'Letters of one side of a unit (newest first, keyset)', querystring: letterListQuerySchema, response: { 200: letterListResponseSchema } } },
      async (req) => letters.listLetters(deps, req.actor!, req.query));
    app.post(p.letters, { schema: { tags, summary: 'Draft one letter per member (selected, or a whole cell); optionally issue at once', body: createLettersBodySchema, response: { 200: createLettersResponseSchema, ...errors } } },
      async (req) => letters.createLetters(deps, req.actor!, req.body));
    app.get('/api/introductions/letters/:id', { schema: { tags, summary: 'One letter with its history and the steps the actor may take', params: idParamSchema, response: { 200: letterDetailSchema, 404: errorResponseSchema } } },
      async (req) => {
        const letter = await letters.getLetter(deps, req.actor!, req.params.id);
        logRecordRead(req, { memberId: letter.memberId }, 'letter');
        return letter;
      });
    app.post(p.issue, { schema: { tags, summary: 'Issue letters: number, sign (secretary/deputy only), send to the commune', body: letterIdsBodySchema, response: { 200: transitionResultSchema, ...errors } } },
      async (req) => letters.issueLetters(deps, req.actor!, req.body.letterIds));
    app.post(p.cancel, { schema: { tags, summary: 'Cancel drafts or withdraw issued letters not yet received', body: letterIdsBodySchema, response: { 200: transitionResultSchema, ...errors } } },
      async (req) => letters.cancelLetters(deps, req.actor!, req.body.letterIds));
    app.post(p.receive, { schema: { tags, summary: 'The commune receives letters', body: letterIdsBodySchema, response: { 200: transitionResultSchema, ...errors } } },
      async (req) => letters.receiveLetters(deps, req.actor!, req.body.letterIds));
    app.post(p.place, { schema: { tags, summary: 'The commune places members in residential cells (receiving first if needed)', body: placeLettersBodySchema, response: { 200: transitionResultSchema, ...errors } } },
      async (req) => letters.placeLetters(deps, req.actor!, req.body));
    app.post(p.reject, { schema: { tags, summary: 'The commune rejects letters with a reason; they go back to the workplace', body: rejectLettersBodySchema, response: { 200: transitionResultSchema, ...errors } } },
      async (req) => letters.rejectLetters(deps, req.actor!, req.body.letterIds, req.body.reason, req.body.note));
    app.post(p.acknowledge, { schema: { tags, summary: 'The residential cell acknowledges arrivals; the member is told whom to contact', body: letterIdsBodySchema, response: { 200: transitionResultSchema, ...errors } } },
      async (req) => letters.acknowledgeLetters(deps, req.actor!, req.body.letterIds));
    app.post('/api/introductions/letters/:id/resend', { schema: { tags, summary: 'Correct a rejected letter and send a new one to the right commune', params: idParamSchema, body: resendLetterBodySchema, response: { 200: letterIdResponseSchema, ...errors } } },
      async (req) => letters.resendLetter(deps, req.actor!, req.params.id, req.body));

    // ── documents ──
    app.get('/api/introductions/letters/:id/pdf', { schema: { tags, summary: 'The letter as PDF (official layout, QR verification)', params: idParamSchema, response: fileSchema } },
      async (req, reply) => sendExport(ctx.db, req, reply, await print.letterPdf(deps, req.actor!, req.params.id), PDF, { what: 'letter.pdf', filters: { letterId: req.params.id }, rowCount: 1, read: { letterId: req.params.id } }));
    app.get('/api/introductions/letters/:id/docx', { schema: { tags, summary: 'The letter as Word (DOCX)', params: idParamSchema, response: fileSchema } },
      async (req, reply) => sendExport(ctx.db, req, reply, await print.letterDocx(deps, req.actor!, req.params.id), DOCX, { what: 'letter.docx', filters: { letterId: req.params.id }, rowCount: 1, read: { letterId: req.params.id } }));
    app.get('/api/introductions/batches/:batchId/pdf', { schema: { tags, summary: 'Every letter of a batch in one PDF', params: batchIdParamSchema, response: fileSchema } },
      async (req, reply) => sendExport(ctx.db, req, reply, await print.lettersPdf(deps, req.actor!, { batchId: req.params.batchId }), PDF, { what: 'letters.pdf', filters: { batchId: req.params.batchId } }));
    app.post(p.print, { schema: { tags, summary: 'Selected letters in one PDF', body: printLettersBodySchema, response: fileSchema } },
      async (req, reply) => sendExport(ctx.db, req, reply, await print.lettersPdf(deps, req.actor!, { letterIds: req.body.letterIds }), PDF, { what: 'letters.pdf', filters: { letterIds: req.body.letterIds }, rowCount: req.body.letterIds.length }));

    // ── queues and coverage ──
    app.get(p.workplaceSummary, { schema: { tags, summary: 'Workplace committee: members by residence commune and stage', querystring: unitQuerySchema, response: { 200: workplaceSummarySchema, 404: errorResponseSchema } } },
      async (req) => queues.workplaceSummary(deps, req.actor!, req.query.unitId));
    app.get(p.workplaceMembers, { schema: { tags, summary: 'Workplace committee: the queue of members at one stage', querystring: workplaceMembersQuerySchema, response: { 200: workplaceMembersResponseSchema, 404: errorResponseSchema } } },
      async (req) => queues.workplaceMembers(deps, req.actor!, req.query));
    app.get(p.residents, { schema: { tags, summary: 'Working members living in a commune or placed in a cell', querystring: residentsQuerySchema, response: { 200: residentsResponseSchema, 404: errorResponseSchema } } },
      async (req) => queues.listResidents(deps, req.actor!, req.query));
    app.get(p.coverage, { schema: { tags, summary: 'Share introduced / received / placed, for a unit and its children', querystring: coverageQuerySchema, response: { 200: coverageSchema, ...errors } } },
      async (req) => queues.coverage(deps, req.actor!, req.query.unitId, req.query.side));

    // ── "known here, no letter" ──
    app.get(p.requests, { schema: { tags, summary: 'Requests to introduce members found living in a commune', querystring: requestListQuerySchema, response: { 200: requestListResponseSchema } } },
      async (req) => requests.listRequests(deps, req.actor!, req.query));
    app.post(p.requests, { schema: { tags, summary: 'The commune asks a workplace to introduce a member living here', body: createRequestBodySchema, response: { 200: createRequestResponseSchema, 201: createRequestResponseSchema, ...errors } } },
      async (req, reply) => {
        // the same open request sent again answers the first one (200) instead of a second record (issue 12)
        const { created, ...body } = await requests.createRequest(deps, req.actor!, req.body);
        return reply.status(created ? 201 : 200).send(body);
      });
    app.post('/api/introductions/requests/:id/fulfil', { schema: { tags, summary: 'The workplace answers with a letter for the member', params: idParamSchema, body: fulfilRequestBodySchema, response: { 200: letterIdResponseSchema, ...errors } } },
      async (req) => requests.fulfilRequest(deps, req.actor!, req.params.id, req.body));
    app.post('/api/introductions/requests/:id/decline', { schema: { tags, summary: 'The workplace declines a request with a note', params: idParamSchema, body: declineRequestBodySchema, response: { 200: okSchema, ...errors } } },
      async (req) => {
        await requests.declineRequest(deps, req.actor!, req.params.id, req.body.note);
        return { ok: true as const };
      });

    // ── notices ──
    app.get(p.notices, { schema: { tags, summary: 'Notices sent (workplace) or received (residence side)', querystring: noticeListQuerySchema, response: { 200: noticeListResponseSchema } } },
      async (req) => residence.listNotices(deps, req.actor!, req.query));
    app.post(p.notices, { schema: { tags, summary: 'The workplace notifies the residence side of a change (Art. 3.1, 3.2)', body: createNoticeBodySchema, response: { 200: createNoticeResponseSchema, 201: createNoticeResponseSchema, ...errors } } },
      async (req, reply) => {
        const { created, ...body } = await residence.createNotice(deps, req.actor!, req.body);
        return reply.status(created ? 201 : 200).send(body);
      });
    app.post('/api/introductions/notices/:id/seen', { schema: { tags, summary: 'The residence side marks a notice seen', params: idParamSchema, response: { 200: okSchema, 404: errorResponseSchema } } },
      async (req) => {
        await residence.markNoticeSeen(deps, req.actor!, req.params.id);
        return { ok: true as const };
      });

    // ── the member ──
    app.get(p.mine, { schema: { tags, summary: 'The member’s letters, residence cell contact and moves', response: { 200: myResidenceSchema, 404: errorResponseSchema } } },
      async (req) => residence.myResidence(deps, req.actor!));
    app.post(p.moves, { schema: { tags, summary: 'The member reports a move of residence (Art. 2.7)', body: reportMoveBodySchema, response: { 201: reportMoveResponseSchema, ...errors } } },
      async (req, reply) => reply.status(201).send(await residence.reportMove(deps, req.actor!, req.body)));

    // ── reminders (also run by the server every hour) ──
    app.post(p.reminders, { schema: { tags, summary: 'Administrators: send overdue-letter reminders now', response: { 200: reminderRunSchema, 403: errorResponseSchema } } },
      async (req) => {
        if (!isAdmin(req.actor!)) throw new Forbidden();
        return sendOverdueReminders({ db: ctx.db, clock: ctx.clock, overdueDays: ctx.config.introductionOverdueDays });
      });
  };
}
