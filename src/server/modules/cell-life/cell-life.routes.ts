import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../shared/contracts/common';
import {
  activityDetailSchema,
  activityListQuerySchema,
  activityListResponseSchema,
  cellLifePaths as p,
  contributionBodySchema,
  createActivityBodySchema,
  createWarningBodySchema,
  decideBodySchema,
  directedTopicBodySchema,
  directedTopicListSchema,
  directedTopicQuerySchema,
  directedTopicSchema,
  memberContributionsSchema,
  warningItemSchema,
  warningListQuerySchema,
  warningListResponseSchema,
  warningReplyBodySchema,
  warningResolveBodySchema,
  yearQuerySchema,
} from '../../../shared/contracts/cell-life';
import type { AppContext } from '../../context';
import { registerMessages } from '../../i18n/messages';
import { vnYear } from '../../../shared/rules/vietnam-calendar';
import * as activities from './activities.service';
import { cellLifeMessages } from './cell-life.messages';
import * as topics from './topics.service';
import * as warnings from './warnings.service';

registerMessages(cellLifeMessages);

const errors = {
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};

export function cellLifeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = { db: ctx.db, clock: ctx.clock };
    const tags = ['activities'];
    app.get(
      p.activities,
      {
        schema: {
          tags,
          summary: 'Campaigns and movements of a cell (and its commune)',
          querystring: activityListQuerySchema,
          response: { 200: activityListResponseSchema },
        },
      },
      async (req) => activities.listActivities(deps, req.actor!, req.query),
    );
    app.post(
      p.activities,
      {
        schema: {
          tags,
          summary: 'The cell or the commune records a campaign or movement',
          body: createActivityBodySchema,
          response: { 201: activityDetailSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await activities.createActivity(deps, req.actor!, req.body)),
    );
    app.get(
      '/api/activities/:id',
      {
        schema: {
          tags,
          summary: 'An activity with the members’ contributions',
          params: idParamSchema,
          response: { 200: activityDetailSchema, 404: errorResponseSchema },
        },
      },
      async (req) => activities.getActivity(deps, req.actor!, req.params.id),
    );
    app.post(
      '/api/activities/:id/contributions',
      {
        schema: {
          tags,
          summary: 'Record a member’s part (secretary) or propose one’s own (member)',
          params: idParamSchema,
          body: contributionBodySchema,
          response: { 200: activityDetailSchema, ...errors },
        },
      },
      async (req) => activities.addContribution(deps, req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/activities/contributions/:id/decide',
      {
        schema: {
          tags,
          summary: 'The secretary confirms or rejects a proposed contribution',
          params: idParamSchema,
          body: decideBodySchema,
          response: { 200: activityDetailSchema, ...errors },
        },
      },
      async (req) =>
        activities.decideContribution(deps, req.actor!, req.params.id, req.body.decision, req.body.note),
    );
    app.get(
      '/api/activities/members/:id/contributions',
      {
        schema: {
          tags,
          summary: 'A member’s contributions in a year',
          params: idParamSchema,
          querystring: yearQuerySchema,
          response: { 200: memberContributionsSchema, 404: errorResponseSchema },
        },
      },
      async (req) =>
        activities.memberContributions(
          deps,
          req.actor!,
          req.params.id,
          req.query.year ?? vnYear(ctx.clock.now()),
        ),
    );

    const wtags = ['warnings'];
    app.get(
      p.warnings,
      {
        schema: {
          tags: wtags,
          summary: 'Reminders and warnings (the cell’s, a member’s, or one’s own)',
          querystring: warningListQuerySchema,
          response: { 200: warningListResponseSchema },
        },
      },
      async (req) => warnings.listWarnings(deps, req.actor!, req.query),
    );
    app.post(
      p.warnings,
      {
        schema: {
          tags: wtags,
          summary: 'The cell committee reminds or warns a member, with a deadline',
          body: createWarningBodySchema,
          response: { 200: warningItemSchema, 201: warningItemSchema, ...errors },
        },
      },
      async (req, reply) => {
        // the same open warning sent again answers the first one (200) instead of a second record (issue 12)
        const { warning, created } = await warnings.createWarning(deps, req.actor!, req.body);
        return reply.status(created ? 201 : 200).send(warning);
      },
    );
    app.post(
      '/api/warnings/:id/reply',
      {
        schema: {
          tags: wtags,
          summary: 'The member replies',
          params: idParamSchema,
          body: warningReplyBodySchema,
          response: { 200: warningItemSchema, ...errors },
        },
      },
      async (req) => warnings.replyToWarning(deps, req.actor!, req.params.id, req.body.reply),
    );
    app.post(
      '/api/warnings/:id/resolve',
      {
        schema: {
          tags: wtags,
          summary: 'The cell records that the member improved',
          params: idParamSchema,
          body: warningResolveBodySchema,
          response: { 200: warningItemSchema, ...errors },
        },
      },
      async (req) => warnings.resolveWarning(deps, req.actor!, req.params.id, req.body.resolution),
    );
    app.post(
      '/api/warnings/:id/withdraw',
      {
        schema: {
          tags: wtags,
          summary: 'The cell withdraws an open warning',
          params: idParamSchema,
          response: { 200: warningItemSchema, ...errors },
        },
      },
      async (req) => warnings.withdrawWarning(deps, req.actor!, req.params.id),
    );

    const ttags = ['meetings'];
    app.get(
      p.topics,
      {
        schema: {
          tags: ttags,
          summary: 'Topics the commune directs to its cells, active today',
          querystring: directedTopicQuerySchema,
          response: { 200: directedTopicListSchema, 404: errorResponseSchema },
        },
      },
      async (req) => topics.listTopics(deps, req.actor!, req.query),
    );
    app.post(
      p.topics,
      {
        schema: {
          tags: ttags,
          summary: 'The commune directs a topic to all its cells',
          body: directedTopicBodySchema,
          response: { 201: directedTopicSchema, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await topics.createTopic(deps, req.actor!, req.body)),
    );
  };
}
