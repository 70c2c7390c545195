import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { memberHooks } from './hooks';
import { registerCompression } from './http/compression';
import { registerErrorHandler } from './http/error-handler';
import { OneLinePerRequest } from './http/request-log';
import { documentIdempotencyHeader, registerIdempotency } from './http/idempotency';
import { registerSessionHook } from './http/session';
import { registerSecurityHeaders } from './http/security-headers';
import { registerWebApp } from './http/web-assets';
import { accountRoutes } from './modules/accounts/accounts.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { healthRoutes } from './modules/health/health.routes';
import { importRoutes } from './modules/imports/imports.routes';
import { lookupRoutes } from './modules/lookups/lookups.routes';
import { memberRoutes } from './modules/members/members.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { orgUnitRoutes } from './modules/org-units/org-units.routes';
import { introductionRoutes } from './modules/introductions/introductions.routes';
import { verificationRoutes } from './modules/verification/verification.routes';
import { meetingRoutes } from './modules/meetings/meetings.routes';
import { cellLifeRoutes } from './modules/cell-life/cell-life.routes';
import { evaluationRoutes } from './modules/evaluations/evaluations.routes';
import { evaluationDocumentRoutes } from './modules/evaluations/evaluation-documents.routes';
import { reportRoutes } from './modules/reports/reports.routes';
import { yearlyReportRoutes } from './modules/reports/yearly-reports.routes';
import { homeRoutes } from './modules/home/home.routes';
import { jobRoutes } from './jobs/jobs.routes';
import { privacyRoutes } from './modules/privacy/privacy.routes';
import { registerReadLog } from './modules/privacy/read-log';

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

/** The whole HTTP application without listen(): tests call it in-process. */
export async function buildApp(given: Omit<AppContext, 'memberHooks'> & Partial<Pick<AppContext, 'memberHooks'>>, opts: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  // Cross-module effects (a member placed, a membership ended) reach the modules listening through these hooks.
  const ctx: AppContext = { ...given, memberHooks: given.memberHooks ?? memberHooks() };
  const app = Fastify({
    logger: opts.logger ?? false,
    // one line per answered request instead of two (http/request-log.ts)
    logController: new OneLinePerRequest(),
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  // API JSON on the fly over 1 KB: gzip below 4 KB, brotli above (http/compression.ts, decisions 0009, 0015)
  await registerCompression(app);
  // CSP, HSTS (https only), frame-ancestors none, referrer policy (http/security-headers.ts, decision 0013)
  registerSecurityHeaders(app, ctx.config.publicUrl);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Residence Link API',
        description: 'Regulation 213-QĐ/TW: working Party members and their place of residence.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rl_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: documentIdempotencyHeader,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerSessionHook(app, ctx);
  registerIdempotency(app, ctx);
  // officers' reads of members' records, buffered off the request path (issue 12)
  registerReadLog(app, ctx.db);

  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(orgUnitRoutes(ctx));
  await app.register(memberRoutes(ctx));
  await app.register(importRoutes(ctx));
  await app.register(lookupRoutes(ctx));
  await app.register(accountRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(introductionRoutes(ctx));
  await app.register(verificationRoutes(ctx));
  await app.register(meetingRoutes(ctx));
  await app.register(cellLifeRoutes(ctx));
  await app.register(evaluationRoutes(ctx));
  await app.register(evaluationDocumentRoutes(ctx));
  await app.register(reportRoutes(ctx));
  await app.register(yearlyReportRoutes(ctx));
  await app.register(homeRoutes(ctx));
  await app.register(jobRoutes(ctx));
  await app.register(privacyRoutes(ctx));

  await registerWebApp(app, ctx.config.webDir);

  return app;
}
