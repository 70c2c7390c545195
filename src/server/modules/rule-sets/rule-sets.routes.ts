import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../shared/contracts/common';
import {
  evaluationPaths as p,
  ruleSetCodeParamSchema,
  ruleSetListSchema,
  ruleSetSchema,
} from '../../../shared/contracts/evaluations';
import type { AppContext } from '../../context';
import * as ruleSets from './rule-sets.service';

const errors = {
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};

/**
 * Rule sets: the regulation's numbers as versioned data (src/shared/rules/evaluation-rules.ts): the yearly
 * evaluation's forms and flags, and the cell-life rules meetings follow (residence-rules.ts).
 */
export function ruleSetRoutes(app: Parameters<FastifyPluginAsyncZod>[0], ctx: AppContext) {
  // ── rule sets (data, versioned) ──
  app.get(
    p.ruleSets,
    {
      schema: {
        tags: ['rule sets'],
        summary: 'Rule sets for the yearly evaluation',
        response: { 200: ruleSetListSchema },
      },
    },
    async () => ruleSets.listRuleSets(ctx.db),
  );
  app.get(
    '/api/rule-sets/:code',
    {
      schema: {
        tags: ['rule sets'],
        summary: 'One rule set: duties, criteria and scales, flags, classification levels',
        params: ruleSetCodeParamSchema,
        response: { 200: ruleSetSchema, 404: errorResponseSchema },
      },
    },
    async (req) => ruleSets.getRuleSet(ctx.db, req.params.code),
  );
  app.post(
    p.ruleSets,
    {
      schema: {
        tags: ['rule sets'],
        summary: 'Administrators: load a successor rule set (no code change)',
        body: ruleSetSchema,
        response: { 201: ruleSetSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await ruleSets.loadRuleSet(ctx.db, req.actor!, req.body)),
  );
}
