/**
 * A notice to the residence side (Art. 3.1, 3.2), as one transition table: the workplace's notice is delivered
 * at once; the commune or the cell marks it seen. The status is not a column: it is read from `seen_at`.
 */

export const noticeStatuses = ['delivered', 'seen'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

export const noticeActions = ['deliver', 'see'] as const;
export type NoticeAction = (typeof noticeActions)[number];

export interface NoticeTransition {
  action: NoticeAction;
  /** empty: the action creates the notice */
  from: readonly NoticeStatus[];
  to: NoticeStatus;
}

export const noticeTransitions: readonly NoticeTransition[] = [
  { action: 'deliver', from: [], to: 'delivered' },
  { action: 'see', from: ['delivered'], to: 'seen' },
];

export function noticeTransition(action: NoticeAction): NoticeTransition {
  return noticeTransitions.find((t) => t.action === action)!;
}

export function noticeStatusOf(seenAt: Date | string | null): NoticeStatus {
  return seenAt ? 'seen' : 'delivered';
}

export type NoticeCheck = { ok: true; repeated: boolean } | { ok: false };

/** Whether `action` may be taken on a notice in `status`; the same step again is a harmless repeat. */
export function checkNoticeTransition(action: NoticeAction, status: NoticeStatus): NoticeCheck {
  const t = noticeTransition(action);
  if (t.from.includes(status)) return { ok: true, repeated: false };
  if (t.to === status) return { ok: true, repeated: true };
  return { ok: false };
}
