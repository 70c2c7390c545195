import type { Executor } from '../../db/client';
import { AppError } from '../../http/errors';
import * as repo from './login-throttle.repository';

/**
 * Login protection (issue 12, decision 0013), kept in `login_throttle` so it holds across several servers:
 * - per address + login name: at most `max` failures a minute, so one person guessing at made-up names (or at
 *   someone else's) from an office's shared address never blocks the others logging in from it;
 * - per account: after 5 failures the next attempt waits 2, 4, 8 … seconds, never more than a minute, and a
 *   browser that logged in to that account before (a signed device cookie) is not held back at all, so an
 *   attacker cannot turn the delay into a lockout of the account's owner.
 */
export const FREE_FAILURES = 5;
export const MAX_DELAY_SECONDS = 60;
const ADDRESS_WINDOW_MS = 60_000;
const ACCOUNT_WINDOW_MS = 15 * 60_000;

export const throttleKeys = {
  address: (ip: string, login: string) => `ip:${ip}:${login.trim().toLowerCase()}`,
  account: (userId: string) => `account:${userId}`,
  secondFactor: (userId: string) => `totp:${userId}`,
};

/** 429 with the seconds to wait, sent as Retry-After and said in the message. */
export class LoginThrottled extends AppError {
  constructor(public readonly retryAfterSeconds: number) {
    super(429, 'login_throttled', { seconds: retryAfterSeconds });
  }
}

/** The wait after `failures` failures in a row: none for the first five, then 2^n seconds up to a minute. */
export function delaySecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES + 1), MAX_DELAY_SECONDS);
}

const secondsUntil = (t: number, now: Date) => Math.max(1, Math.ceil((t - now.getTime()) / 1000));

/** Refuses the attempt when the address+login window is full. */
export async function assertAddressAllowed(db: Executor, key: string, now: Date, max: number): Promise<void> {
  const [row] = await repo.findThrottles(db, [key]);
  const windowEnds = row ? row.windowStartedAt.getTime() + ADDRESS_WINDOW_MS : 0;
  if (row && windowEnds > now.getTime() && row.failures >= max)
    throw new LoginThrottled(secondsUntil(windowEnds, now));
}

/** Refuses the attempt while the account (or its second factor) is held back. */
export async function assertNotDelayed(db: Executor, key: string, now: Date): Promise<void> {
  const [row] = await repo.findThrottles(db, [key]);
  if (row?.blockedUntil && row.blockedUntil > now)
    throw new LoginThrottled(secondsUntil(row.blockedUntil.getTime(), now));
}

export async function recordAddressFailure(db: Executor, key: string, now: Date): Promise<void> {
  await repo.addFailure(db, key, now, ADDRESS_WINDOW_MS);
}

export async function recordDelayedFailure(db: Executor, key: string, now: Date): Promise<void> {
  const failures = await repo.addFailure(db, key, now, ACCOUNT_WINDOW_MS);
  const delay = delaySecondsAfter(failures);
  if (delay > 0) await repo.setBlockedUntil(db, key, new Date(now.getTime() + delay * 1000));
}

export async function clearFailures(db: Executor, keys: string[]): Promise<void> {
  await repo.clearThrottles(db, keys);
}
