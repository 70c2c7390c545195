import type { Actor } from '../../http/actor';

/**
 * A short-lived, per-process memory of resolved sessions (decision 0015), so a burst of reads by one session
 * costs one session+grants lookup every few seconds instead of one per request.
 *
 * What keeps it correct:
 * - only reads use it; every mutation request resolves its session from the database, and when a mutation
 *   ends (whatever its outcome) the whole cache is dropped, so any change made through this process — logout,
 *   a revoked session or grant, a disabled account, a second factor given, a password changed — is seen by
 *   the very next request;
 * - a read that began before such a drop does not store what it read (generation check), so a stale actor
 *   cannot be put back by a request that raced the change;
 * - an entry lives at most `ttlMs` of real time and of the application clock, so a change made by another
 *   server on the same database (or directly in the database) takes effect here within `ttlMs`;
 * - bounded: at most `maxEntries` sessions, the oldest dropped first.
 * `ttlMs` 0 turns it off (tests by default, SESSION_CACHE_SECONDS=0).
 */
export interface SessionCache {
  /** the cached actor for a cookie token, with this request's id and address */
  get(token: string, meta: { ip: string; requestId: string }, clockNow: Date): Actor | undefined;
  /** the generation to pass to `set`: read it before resolving the session */
  generation(): number;
  set(token: string, actor: Actor, generation: number, clockNow: Date): void;
  /** something may have changed: forget every session */
  clear(): void;
  readonly size: number;
}

interface Entry {
  actor: Actor;
  storedAt: number;
  clockAt: number;
}

export function createSessionCache(opts: {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}): SessionCache {
  const { ttlMs } = opts;
  const maxEntries = opts.maxEntries ?? 10_000;
  const now = opts.now ?? (() => performance.now());
  // a Map keeps insertion order: the first key is the oldest entry
  const entries = new Map<string, Entry>();
  let generation = 0;
  const fresh = (e: Entry, clockNow: Date) => {
    const clockAge = clockNow.getTime() - e.clockAt;
    return now() - e.storedAt < ttlMs && clockAge >= 0 && clockAge < ttlMs;
  };
  return {
    get(token, meta, clockNow) {
      if (ttlMs <= 0) return undefined;
      const e = entries.get(token);
      if (!e) return undefined;
      if (!fresh(e, clockNow)) {
        entries.delete(token);
        return undefined;
      }
      return { ...e.actor, ...meta };
    },
    generation: () => generation,
    set(token, actor, gen, clockNow) {
      if (ttlMs <= 0 || gen !== generation) return;
      entries.delete(token);
      entries.set(token, { actor, storedAt: now(), clockAt: clockNow.getTime() });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    clear() {
      generation++;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * The session hook's lookup: reads take a fresh-enough cached actor or resolve and remember it; mutations
 * always resolve from the database (the hook drops the cache once they are answered).
 */
export async function resolveSessionCached(
  cache: SessionCache,
  resolve: () => Promise<Actor | null>,
  token: string,
  meta: { ip: string; requestId: string; mutation: boolean },
  clockNow: Date,
): Promise<Actor | null> {
  if (meta.mutation) return resolve();
  const hit = cache.get(token, { ip: meta.ip, requestId: meta.requestId }, clockNow);
  if (hit) return hit;
  const generation = cache.generation();
  const actor = await resolve();
  if (actor) cache.set(token, actor, generation, clockNow);
  return actor;
}
