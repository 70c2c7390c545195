/**
 * Officers' reads of a member's record, written off the request path (issue 12). A read costs the request one
 * push into an array; a timer inserts the buffer in one statement every second, or at once when 200 rows wait,
 * and the app's onClose hook flushes what is left, so a graceful shutdown loses nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { READ_SOURCE_HEADER } from '../../../shared/contracts/privacy';
import type { Executor } from '../../db/client';
import { actingUnitId } from '../../http/actor';
import { insertReads, type ReadRow } from './privacy.repository';

export const READ_LOG_INTERVAL_MS = 1000;
export const READ_LOG_BATCH = 200;
/** a database that refuses the inserts for long keeps at most this many rows in memory, then drops the oldest */
const MAX_PENDING = 50_000;

export type ReadWhat = 'record' | 'evaluation' | 'letter' | 'document';

export class ReadLogWriter {
  private pending: ReadRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Executor,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  push(row: ReadRow): void {
    this.pending.push(row);
    if (this.pending.length >= READ_LOG_BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), READ_LOG_INTERVAL_MS);
      this.timer.unref();
    }
  }

  get size(): number {
    return this.pending.length;
  }

  /** Writes every row pushed so far; resolves when they are in the database (tests call it). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // one insert at a time, so rows keep their order and a flush waits for the one before it
    while (this.running) await this.running;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.running = insertReads(this.db, batch)
      .catch((err: unknown) => {
        this.onError(err);
        this.pending = [...batch, ...this.pending].slice(-MAX_PENDING);
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    readLog: ReadLogWriter;
  }
}

/** Decorates the root app with the writer (before the routes are registered) and flushes it when the app closes. */
export function registerReadLog(app: FastifyInstance, db: Executor): void {
  const writer = new ReadLogWriter(db, (err) => app.log.error({ err }, 'record read log'));
  app.decorate('readLog', writer);
  app.addHook('onClose', async () => writer.flush());
}

/** The page the web says it reads from; anything else (a script, curl) is kept as its path, cut to 200 chars. */
function sourceOf(request: FastifyRequest): string | null {
  const header = request.headers[READ_SOURCE_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value ? value.slice(0, 200) : null;
}

/** Log a read of `memberId`'s record by the request's actor, unless the member reads their own. */
export function logRecordRead(request: FastifyRequest, memberId: string | null | undefined, what: ReadWhat): void {
  const actor = request.actor;
  if (!actor || !memberId || actor.memberId === memberId) return;
  request.server.readLog.push({
    at: new Date(),
    memberId,
    readerUserId: actor.userId,
    readerUnitId: actingUnitId(actor),
    what,
    source: sourceOf(request),
    requestId: actor.requestId,
    ip: actor.ip,
  });
}
