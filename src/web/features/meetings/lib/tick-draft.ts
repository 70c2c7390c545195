import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import type { AttendanceStatus } from '../../../../shared/rules/residence-rules';

export type TickStatus = Exclude<AttendanceStatus, 'unrecorded'>;

/** A tick on the secretary's phone, not saved yet. */
export interface TickDraft {
  status: TickStatus;
  reason: string;
}
export type TickDrafts = Record<string, TickDraft>;

/**
 * The ticks that differ from what is saved. Kept by the meeting page, not the tab, so switching to the
 * minutes and back loses none, and "record as held" at the top knows what is still unsaved.
 */
export function unsavedTicks(m: MeetingDetail, draft: TickDrafts): [string, TickDraft][] {
  const byId = new Map(m.attendance.map((r) => [r.memberId, r]));
  return Object.entries(draft).filter(([id, d]) => {
    const r = byId.get(id);
    return !!r && (r.status !== d.status || (r.reason ?? '') !== d.reason.trim());
  });
}
