import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  areaLookupQuerySchema,
  lookupPaths,
  residentialAreaListSchema,
  unitLookupListSchema,
  unitLookupQuerySchema,
} from '../../../shared/contracts/org-units';
import type { AppContext } from '../../context';
import * as lookups from './lookups.service';

export function lookupRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps: lookups.LookupDeps = { db: ctx.db };
    app.get(
      lookupPaths.units,
      {
        schema: {
          tags: ['lookups'],
          summary: 'Active units by name for pickers (diacritics ignored)',
          querystring: unitLookupQuerySchema,
          response: { 200: unitLookupListSchema },
        },
      },
      async (request) => ({ items: await lookups.lookupUnits(deps, request.actor!, request.query) }),
    );
    app.get(
      lookupPaths.areas,
      {
        schema: {
          tags: ['lookups'],
          summary: 'Residential areas of a commune, for the residence of a member (officers, province-wide)',
          querystring: areaLookupQuerySchema,
          response: { 200: residentialAreaListSchema },
        },
      },
      async (request) => ({ items: await lookups.lookupAreas(deps, request.actor!, request.query.communeUnitId) }),
    );
  };
}
