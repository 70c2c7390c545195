import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { mergeTicks, sendOutcome } from './offline-attendance';

describe('offline ticks and check-ins', () => {
  it('merges ticks queued twice: the newer status, the older base version', () => {
    const merged = mergeTicks(
      {
        meetingId: 'm',
        rows: [
          { memberId: 'a', status: 'present', reason: null, baseUpdatedAt: '2026-03-10T12:00:00.000Z' },
          { memberId: 'b', status: 'late', reason: null, baseUpdatedAt: '2026-03-10T12:00:00.000Z' },
        ],
        amendmentReason: null,
      },
      {
        meetingId: 'm',
        rows: [
          {
            memberId: 'a',
            status: 'absent_excused',
            reason: 'Ốm',
            baseUpdatedAt: '2026-03-10T12:30:00.000Z',
          },
          { memberId: 'c', status: 'present', reason: null, baseUpdatedAt: '2026-03-10T12:30:00.000Z' },
        ],
        amendmentReason: null,
      },
    );
    expect(merged.rows).toEqual([
      { memberId: 'a', status: 'absent_excused', reason: 'Ốm', baseUpdatedAt: '2026-03-10T12:00:00.000Z' },
      { memberId: 'b', status: 'late', reason: null, baseUpdatedAt: '2026-03-10T12:00:00.000Z' },
      { memberId: 'c', status: 'present', reason: null, baseUpdatedAt: '2026-03-10T12:30:00.000Z' },
    ]);
  });

  it('retries on no signal, a server error or an expired session; takes any other answer as final', async () => {
    const failing = (e: unknown) => () => Promise.reject(e);
    expect(await sendOutcome(failing(new ApiError(0, 'offline', 'Không có mạng')))).toEqual({
      type: 'retry',
    });
    expect(await sendOutcome(failing(new ApiError(503, 'http_error', 'x')))).toEqual({ type: 'retry' });
    expect(await sendOutcome(failing(new ApiError(401, 'unauthorized', 'x')))).toEqual({ type: 'retry' });
    expect(
      await sendOutcome(failing(new ApiError(422, 'meeting_checkin_scan_outside', 'Ngoài giờ'))),
    ).toEqual({
      type: 'refused',
      message: 'Ngoài giờ',
    });
    expect(await sendOutcome(() => Promise.resolve({ ok: 1 }))).toEqual({ type: 'sent', result: { ok: 1 } });
  });
});
