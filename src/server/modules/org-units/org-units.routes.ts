import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../shared/contracts/common';
import {
  createOrgUnitBodySchema,
  dissolveOrgUnitBodySchema,
  mergeOrgUnitsBodySchema,
  moveOrgUnitBodySchema,
  orgUnitDetailSchema,
  orgUnitListQuerySchema,
  orgUnitListSchema,
  orgUnitPaths,
  orgUnitSchema,
  residentialAreaListQuerySchema,
  residentialAreaListSchema,
  updateOrgUnitBodySchema,
} from '../../../shared/contracts/org-units';
import type { AppContext } from '../../context';
import * as closing from './closing.service';
import * as orgUnits from './org-units.service';
import * as restructuring from './restructuring.service';

const errors = {
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};
const tags = ['org-units'];

export function orgUnitRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps: orgUnits.OrgUnitDeps = { db: ctx.db, now: () => ctx.clock.now() };

    app.get(
      orgUnitPaths.list,
      {
        schema: {
          tags,
          summary: 'List units: the top units the actor reaches, the children of a unit, or a name search',
          querystring: orgUnitListQuerySchema,
          response: { 200: orgUnitListSchema, 404: errorResponseSchema },
        },
      },
      async (request) => ({ items: await orgUnits.listUnits(deps, request.actor!, request.query) }),
    );

    app.get(
      '/api/org-units/:id',
      {
        schema: {
          tags,
          summary: 'A unit with its ancestors, head counts, officers and history',
          params: idParamSchema,
          response: { 200: orgUnitDetailSchema, 404: errorResponseSchema },
        },
      },
      async (request) => orgUnits.getUnitDetail(deps, request.actor!, request.params.id),
    );

    app.post(
      orgUnitPaths.list,
      {
        schema: {
          tags,
          summary: 'Create a unit under a parent the actor administers',
          body: createOrgUnitBodySchema,
          response: { 201: orgUnitSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await restructuring.createUnit(deps, request.actor!, request.body)),
    );

    app.patch(
      '/api/org-units/:id',
      {
        schema: {
          tags,
          summary: 'Rename a unit or change its contact details',
          params: idParamSchema,
          body: updateOrgUnitBodySchema,
          response: { 200: orgUnitSchema, ...errors },
        },
      },
      async (request) => restructuring.updateUnit(deps, request.actor!, request.params.id, request.body),
    );

    app.post(
      '/api/org-units/:id/move',
      {
        schema: {
          tags,
          summary: 'Move a unit (with its whole subtree) under another parent',
          params: idParamSchema,
          body: moveOrgUnitBodySchema,
          response: { 200: orgUnitSchema, ...errors },
        },
      },
      async (request) => restructuring.moveUnit(deps, request.actor!, request.params.id, request.body),
    );

    app.post(
      '/api/org-units/:id/merge',
      {
        schema: {
          tags,
          summary: 'Merge units into this one: their children, members and memberships follow; they close',
          params: idParamSchema,
          body: mergeOrgUnitsBodySchema,
          response: { 200: orgUnitSchema, ...errors },
        },
      },
      async (request) => closing.mergeUnits(deps, request.actor!, request.params.id, request.body),
    );

    app.post(
      '/api/org-units/:id/dissolve',
      {
        schema: {
          tags,
          summary: 'Dissolve an empty unit',
          params: idParamSchema,
          body: dissolveOrgUnitBodySchema,
          response: { 200: orgUnitSchema, ...errors },
        },
      },
      async (request) => closing.dissolveUnit(deps, request.actor!, request.params.id, request.body),
    );

    app.get(
      orgUnitPaths.areas,
      {
        schema: {
          tags,
          summary: 'Residential areas of the communes the actor can see',
          querystring: residentialAreaListQuerySchema,
          response: { 200: residentialAreaListSchema },
        },
      },
      async (request) => ({
        items: await orgUnits.listResidentialAreas(deps, request.actor!, request.query),
      }),
    );
  };
}
