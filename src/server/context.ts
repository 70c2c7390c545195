import type { Db } from './db/client';
import type { MemberHooks } from './hooks';
import type { Mailer } from './modules/notifications/mailer';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface AppConfig {
  sessionSecret: string;
  sessionTtlHours: number;
  loginRateLimitPerMinute: number;
  secureCookies: boolean;
  publicUrl: string;
  /** signs the verification codes printed on documents (QR) */
  documentSecret: string;
  /** a letter not received within this many days is overdue (Art. 4.1 hand-off) */
  introductionOverdueDays: number;
  /** built web UI to serve, if present */
  webDir?: string;
  /** reads may reuse a session resolved this many seconds ago in this process (decision 0015); unset/0: never */
  sessionCacheSeconds?: number;
}

/** What route modules receive: the database, the clock, the mailer, settings and the cross-module hooks. */
export interface AppContext {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  config: AppConfig;
  /** cross-module effects (src/server/hooks.ts); buildApp puts the application's wiring here when not given */
  memberHooks: MemberHooks;
}
