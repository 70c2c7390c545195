import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { verifyParamSchema, verifyResultSchema } from '../../../shared/contracts/introductions';
import type { AppContext } from '../../context';
import { verifyCode } from './verification.service';

/** Public: anyone holding a printed letter or evaluation form may check it (rate-limited, no session). */
export function verificationRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/verify/:code',
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['Verification'],
          summary:
            'Public: is this letter or evaluation form genuine? (issuer, number or year, date, status, initials)',
          params: verifyParamSchema,
          response: { 200: verifyResultSchema },
        },
      },
      async (req) => verifyCode(ctx.db, ctx.config.documentSecret, req.params.code),
    );
  };
}
