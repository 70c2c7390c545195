/**
 * Officers' reads of a member's record, written off the request path (issue 12). A read costs the request one
 * push into an array; a timer inserts the buffer in one statement every second, or at once when 200 rows wait,
 * and the app's onClose hook flushes what is left, so a graceful shutdown loses nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { READ_SOURCE_HEADER } from '../../../shared/contracts/privacy';
import type { Executor } from '../../db/client';
import { actingUnitId } from '../../http/actor';
import { insertReads, membersOfRecords, type ReadRow } from './privacy.repository';

export const READ_LOG_INTERVAL_MS = 1000;
export const READ_LOG_BATCH = 200;
/** a database that refuses the inserts for long keeps at most this many rows in memory, then drops the oldest */
const MAX_PENDING = 50_000;

export type ReadWhat = 'record' | 'evaluation' | 'letter' | 'document';

/**
 * A read as the request leaves it: the member, or the letter or evaluation read (whose member the flush looks up
 * in one query per kind, so a document route pays nothing for it), and the reader's own member record (a
 * member reading their own letter is no officer's read).
 */
export type PendingRead = Omit<ReadRow, 'memberId'> & {
  memberId?: string;
  letterId?: string;
  evaluationId?: string;
  readerMemberId: string | null;
};

export class ReadLogWriter {
  private pending: PendingRead[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Executor,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  push(row: PendingRead): void {
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
    this.running = this.write(batch)
      .catch((err: unknown) => {
        this.onError(err);
        this.pending = [...batch, ...this.pending].slice(-MAX_PENDING);
        // try again on the next tick of the interval
        this.timer ??= setTimeout(() => void this.flush(), READ_LOG_INTERVAL_MS);
        this.timer.unref();
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }

  private async write(batch: PendingRead[]): Promise<void> {
    const letterIds = batch.flatMap((r) => (r.letterId && !r.memberId ? [r.letterId] : []));
    const evaluationIds = batch.flatMap((r) => (r.evaluationId && !r.memberId ? [r.evaluationId] : []));
    const owners = await membersOfRecords(this.db, letterIds, evaluationIds);
    const rows: ReadRow[] = [];
    for (const { letterId, evaluationId, readerMemberId, ...r } of batch) {
      const memberId = r.memberId ?? owners.get(letterId ?? evaluationId ?? '');
      if (memberId && memberId !== readerMemberId) rows.push({ ...r, memberId });
    }
    await insertReads(this.db, rows);
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

/** What was read: the member's record itself, or a letter or an evaluation about them. */
export type ReadTarget = { memberId: string } | { letterId: string } | { evaluationId: string };

/** Log a read of a member's record (or of a letter or evaluation about them) by the request's actor, unless the member reads their own. */
export function logRecordRead(request: FastifyRequest, target: ReadTarget, what: ReadWhat): void {
  const actor = request.actor;
  if (!actor || ('memberId' in target && actor.memberId === target.memberId)) return;
  request.server.readLog.push({
    ...target,
    at: new Date(),
    readerUserId: actor.userId,
    readerUnitId: actingUnitId(actor),
    readerMemberId: actor.memberId,
    what,
    source: sourceOf(request),
    requestId: actor.requestId,
    ip: actor.ip,
  });
}
