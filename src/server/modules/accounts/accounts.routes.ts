import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountGrantParamsSchema,
  accountListQuerySchema,
  accountListSchema,
  accountPaths,
  accountSchema,
  createAccountBodySchema,
  grantRoleBodySchema,
  updateAccountBodySchema,
} from '../../../shared/contracts/accounts';
import { errorResponseSchema, idParamSchema } from '../../../shared/contracts/common';
import type { AppContext } from '../../context';
import * as accounts from './accounts.service';

const errors = { 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
const tags = ['accounts'];

/** Account administration: system administrators only (everyone else gets 404). */
export function accountRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps: accounts.AccountDeps = { db: ctx.db, now: () => ctx.clock.now() };

    app.get(
      accountPaths.list,
      {
        schema: {
          tags,
          summary: 'List accounts by username (keyset pages), optionally searched',
          querystring: accountListQuerySchema,
          response: { 200: accountListSchema, 404: errorResponseSchema },
        },
      },
      async (request) => accounts.listAccounts(deps, request.actor!, request.query),
    );

    app.get(
      '/api/accounts/:id',
      {
        schema: {
          tags,
          summary: 'One account with its active roles',
          params: idParamSchema,
          response: { 200: accountSchema, 404: errorResponseSchema },
        },
      },
      async (request) => accounts.getAccount(deps, request.actor!, request.params.id),
    );

    app.post(
      accountPaths.list,
      {
        schema: {
          tags,
          summary: 'Create an account',
          body: createAccountBodySchema,
          response: { 201: accountSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await accounts.createAccount(deps, request.actor!, request.body)),
    );

    app.post(
      '/api/accounts/:id/second-factor/reset',
      {
        schema: {
          tags,
          summary: 'Remove the account’s authenticator and recovery codes (lost phone); ends its sessions',
          params: idParamSchema,
          response: { 200: accountSchema, ...errors },
        },
      },
      async (request) => accounts.resetSecondFactor(deps, request.actor!, request.params.id),
    );

    app.patch(
      '/api/accounts/:id',
      {
        schema: {
          tags,
          summary: 'Update an account, disable it or reset its password (both end its sessions)',
          params: idParamSchema,
          body: updateAccountBodySchema,
          response: { 200: accountSchema, ...errors },
        },
      },
      async (request) => accounts.updateAccount(deps, request.actor!, request.params.id, request.body),
    );

    app.post(
      '/api/accounts/:id/roles',
      {
        schema: {
          tags,
          summary: 'Grant a role on a unit',
          params: idParamSchema,
          body: grantRoleBodySchema,
          response: { 201: accountSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await accounts.grantRole(deps, request.actor!, request.params.id, request.body)),
    );

    app.delete(
      '/api/accounts/:id/roles/:grantId',
      {
        schema: {
          tags,
          summary: 'Revoke a role grant',
          params: accountGrantParamsSchema,
          response: { 200: accountSchema, ...errors },
        },
      },
      async (request) => accounts.revokeRole(deps, request.actor!, request.params.id, request.params.grantId),
    );
  };
}
