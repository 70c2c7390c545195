import { useCallback, useMemo } from 'react';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { useOutboxItems } from '../../../lib/offline/phone-outbox';
import { useCurrentUser } from '../../auth/api/get-me';
import { isQueuedTicks, queueTicks, type QueuedTick, type QueuedTicks } from './offline-attendance';
import type { TickStatus } from './tick-draft';

/**
 * The secretary's ticks waiting on the phone for this meeting (decision 0010): shown as pending over what the
 * server said, and how to put more there when there is no signal. Each tick keeps the row version it was
 * made on, so the server can keep a newer change of its own.
 */
export function useOfflineTicks(m: MeetingDetail) {
  const me = useCurrentUser();
  const waiting = useOutboxItems(isQueuedTicks(m.id))[0]?.payload as QueuedTicks | undefined;
  const pending = useMemo(() => new Map((waiting?.rows ?? []).map((r) => [r.memberId, r])), [waiting]);
  const queue = useCallback(
    (
      rows: { memberId: string; status: TickStatus; reason: string | null }[],
      amendmentReason: string | null,
    ) => {
      const versions = new Map(m.attendance.map((r) => [r.memberId, r.updatedAt]));
      const queued: QueuedTick[] = rows.map((r) => ({
        ...r,
        baseUpdatedAt: versions.get(r.memberId) ?? new Date(0).toISOString(),
      }));
      return queueTicks(me.user.id, { meetingId: m.id, rows: queued, amendmentReason });
    },
    [m.attendance, m.id, me.user.id],
  );
  return { pending, queue };
}
