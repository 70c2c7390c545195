import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { buildApp } from './app';
import { systemClock, type AppContext } from './context';
import { openDatabase } from './db/client';
import { lockDataDir } from './db/data-dir-lock';
import { seedDemo } from './db/seed/demo';
import { EnvError, loadDotEnv, loadEnv, type Env } from './env';
import { fileMailer, smtpMailer } from './modules/notifications/mailer';
import { startOutboxWorker } from './modules/notifications/outbox';
import { documentSecret, sessionSecret } from './secrets';
import { startJobRunner } from './jobs/runner';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  let env: Env;
  try {
    loadDotEnv();
    env = loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  let releaseLock = () => {};
  if (!env.DATABASE_URL) {
    try {
      releaseLock = lockDataDir(env.DATA_DIR);
    } catch (err) {
      console.error((err as Error).message);
      process.exit(1);
    }
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  await database.migrate();
  if (env.SEED_DEMO && env.NODE_ENV !== 'production') {
    const { seeded } = await seedDemo(database.db, { documentSecret: documentSecret(env), sessionSecret: sessionSecret(env) });
    if (seeded) console.log('Demo data seeded (password for every demo account: Demo@2026).');
  }

  const mailer = env.SMTP_HOST
    ? smtpMailer({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        user: env.SMTP_USER,
        password: env.SMTP_PASSWORD,
        from: env.MAIL_FROM,
      })
    : fileMailer(path.join(env.DATA_DIR, 'mail'), env.MAIL_FROM);

  // buildApp adds the cross-module hooks' wiring (app.ts)
  const ctx: Omit<AppContext, 'memberHooks'> = {
    db: database.db,
    clock: systemClock,
    mailer,
    config: {
      sessionSecret: sessionSecret(env),
      sessionTtlHours: env.SESSION_TTL_HOURS,
      loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
      secureCookies: env.PUBLIC_URL.startsWith('https://'),
      publicUrl: env.PUBLIC_URL,
      // Printed codes must outlive a session-secret rotation: a separate secret can be set.
      documentSecret: documentSecret(env),
      introductionOverdueDays: env.INTRODUCTION_OVERDUE_DAYS,
      sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
      webDir: env.WEB_DIR ? path.resolve(env.WEB_DIR) : path.join(root, 'dist/web'),
    },
  };
  // Log lines go out asynchronously: under load the writes coalesce into few syscalls instead of one blocking
  // write per request (decision 0015); pino flushes what is left when the process exits.
  const logStream = pino.destination({ dest: 1, sync: false });
  const app = await buildApp(ctx, { logger: { level: env.LOG_LEVEL, stream: logStream } });
  const stopOutbox = startOutboxWorker(database.db, mailer, systemClock, 15_000, (err) => app.log.error({ err }, 'outbox'));
  // Every periodic job, each tick claimed once across the servers on this database (decision 0011).
  const jobRunner = startJobRunner(
    { db: database.db, clock: systemClock, overdueDays: env.INTRODUCTION_OVERDUE_DAYS },
    { onError: (err, job) => app.log.error({ err, job }, 'periodic job') },
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopOutbox();
    try {
      await jobRunner.stop();
      await app.close();
    } finally {
      await database.close();
      releaseLock();
      logStream.flushSync();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: env.PORT, host: env.HOST });
  console.log(`Residence Link is running at http://localhost:${env.PORT} (database: ${database.kind})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
