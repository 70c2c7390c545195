import type { AttendanceResult } from '../../../../shared/contracts/meetings';
import { isApiError, isOfflineError } from '../../../lib/api-client';
import type { OutboxItem, OutboxReport, SendOutcome } from '../../../lib/offline/outbox';
import { outbox } from '../../../lib/offline/phone-outbox';
import { checkIn } from '../api/check-in';
import { recordAttendance } from '../api/record-attendance';
import type { TickStatus } from './tick-draft';

/**
 * What a meeting keeps on the phone without signal (decision 0010): the member's QR check-in with the time
 * the code was scanned, and the secretary's ticks with the row version each was made on. Sent by the app
 * when the phone is back online (app/offline-sync.tsx); the server decides what counts.
 */

export interface QueuedCheckIn {
  meetingId: string;
  code: string;
  scannedAt: string;
}

export interface QueuedTick {
  memberId: string;
  status: TickStatus;
  reason: string | null;
  /** the row's `updatedAt` the tick was made on: a newer change on the server wins */
  baseUpdatedAt: string;
}

export interface QueuedTicks {
  meetingId: string;
  rows: QueuedTick[];
  amendmentReason: string | null;
}

const CHECK_IN = 'meetings.checkIn';
const TICKS = 'meetings.ticks';

/** No signal, a server error or an expired session: try again later; anything else is the server's answer. */
export async function sendOutcome(send: () => Promise<unknown>): Promise<SendOutcome> {
  try {
    return { type: 'sent', result: await send() };
  } catch (error) {
    if (isOfflineError(error) || (isApiError(error) && (error.status >= 500 || error.status === 401)))
      return { type: 'retry' };
    return { type: 'refused', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Ticks of one meeting queued again: the newer tick of a member replaces the older, keeping its base version. */
export function mergeTicks(waiting: QueuedTicks, next: QueuedTicks): QueuedTicks {
  const rows = new Map(waiting.rows.map((r) => [r.memberId, r]));
  for (const r of next.rows)
    rows.set(r.memberId, { ...r, baseUpdatedAt: rows.get(r.memberId)?.baseUpdatedAt ?? r.baseUpdatedAt });
  return {
    ...next,
    rows: [...rows.values()],
    amendmentReason: next.amendmentReason ?? waiting.amendmentReason,
  };
}

outbox.register<QueuedCheckIn>(CHECK_IN, {
  send: (p) => sendOutcome(() => checkIn({ id: p.meetingId, code: p.code, scannedAt: p.scannedAt })),
  // scanned twice while offline: the first scan is when the member was there
  merge: (waiting) => waiting,
});
outbox.register<QueuedTicks>(TICKS, {
  send: (p) =>
    sendOutcome(() =>
      recordAttendance({ id: p.meetingId, rows: p.rows, amendmentReason: p.amendmentReason }),
    ),
  merge: mergeTicks,
});

export function queueCheckIn(userId: string, payload: QueuedCheckIn) {
  return outbox.enqueue({ kind: CHECK_IN, key: `${CHECK_IN}:${payload.meetingId}`, userId, payload });
}

export function queueTicks(userId: string, payload: QueuedTicks) {
  return outbox.enqueue({ kind: TICKS, key: `${TICKS}:${payload.meetingId}`, userId, payload });
}

export const isQueuedCheckIn = (meetingId: string) => (item: OutboxItem) =>
  item.key === `${CHECK_IN}:${meetingId}`;
export const isQueuedTicks = (meetingId: string) => (item: OutboxItem) =>
  item.key === `${TICKS}:${meetingId}`;
export const isCheckInReport = (meetingId: string) => (r: OutboxReport) => isQueuedCheckIn(meetingId)(r.item);
export const isTicksReport = (meetingId: string) => (r: OutboxReport) => isQueuedTicks(meetingId)(r.item);

/** The members whose offline ticks the server kept its newer value for, by name. */
export function overriddenNames(report: OutboxReport): string[] {
  if (report.outcome.type !== 'sent') return [];
  const result = report.outcome.result as AttendanceResult;
  const names = new Map(result.attendance.map((r) => [r.memberId, r.fullName]));
  return result.overridden.map((id) => names.get(id) ?? id);
}
