import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../shared/contracts/common';
import {
  createMemberBodySchema,
  memberDetailSchema,
  memberListQuerySchema,
  memberListResponseSchema,
  memberPaths,
  updateMemberBodySchema,
} from '../../../shared/contracts/members';
import type { AppContext } from '../../context';
import { fastSerializerCompiler } from '../../http/fast-serializer';
import * as service from './members.service';
import { logRecordRead } from '../privacy/read-log';

export function memberRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = { db: ctx.db, clock: ctx.clock };
    app.get(
      memberPaths.list,
      {
        schema: {
          tags: ['members'],
          summary: 'Search members (diacritics ignored; card-number prefix), keyset-paginated in Vietnamese name order',
          querystring: memberListQuerySchema,
          response: { 200: memberListResponseSchema },
        },
      },
      async (request) => service.listMembers(deps, request.actor!, request.query),
    );
    app.get(
      '/api/members/:id',
      {
        schema: {
          tags: ['members'],
          summary: 'One member with dated memberships; 404 outside the actor’s reach',
          params: idParamSchema,
          response: { 200: memberDetailSchema, 404: errorResponseSchema },
        },
        // the hottest read: compiled serializer instead of a zod encode per answer (decision 0015)
        serializerCompiler: fastSerializerCompiler,
      },
      async (request) => {
        const member = await service.getMember(deps, request.actor!, request.params.id);
        // Personal Data Protection Law: an officer's read is logged (buffered, off the request path)
        logRecordRead(request, { memberId: member.id }, 'record');
        return member;
      },
    );
    app.post(
      memberPaths.list,
      {
        schema: {
          tags: ['members'],
          summary: 'Register a member',
          body: createMemberBodySchema,
          response: { 201: memberDetailSchema, 409: errorResponseSchema, 422: errorResponseSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createMember(deps, request.actor!, request.body)),
    );
    app.patch(
      '/api/members/:id',
      {
        schema: {
          tags: ['members'],
          summary: 'Edit a member (optimistic concurrency with expectedUpdatedAt)',
          params: idParamSchema,
          body: updateMemberBodySchema,
          response: { 200: memberDetailSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema },
        },
      },
      async (request) => service.updateMember(deps, request.actor!, request.params.id, request.body),
    );
  };
}
