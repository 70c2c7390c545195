import { existsSync } from 'node:fs';
import { z } from 'zod';

/** The only reader of process.env. Every bad setting is reported at once and the server refuses to start. */
/** Unset and empty mean the same: `.env` files often carry `NAME=` lines. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** the built SPA; defaults to dist/web in the repository (tests may point elsewhere) */
    WEB_DIR: z.string().min(1).optional(),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')),
    SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
    SMTP_HOST: optional(z.string()),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: z.stringbool().default(false),
    SMTP_USER: optional(z.string()),
    SMTP_PASSWORD: optional(z.string()),
    MAIL_FROM: z.string().default('Residence Link <no-reply@residence-link.local>'),
    /** unset: http://localhost:<PORT>, so the QR codes and links point to the server that made them */
    PUBLIC_URL: optional(z.url()),
    DOCUMENT_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
    INTRODUCTION_OVERDUE_DAYS: z.coerce.number().int().min(1).max(365).default(15),
    SEED_DEMO: z.stringbool().default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** seconds a read may reuse a session resolved earlier in this process (decision 0015); 0 turns it off */
    SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(30).default(2),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
  })
  .transform((env) => ({ ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` }));

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  return result.data;
}

/** Read `.env` into process.env when present (real environment variables win). */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
