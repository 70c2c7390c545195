import { z } from 'zod';

/**
 * Every kind of notification the server sends; the web app has words for each (locales notifications.json
 * `kinds.<kind>`) and shows anything else as a generic notice.
 */
export const notificationKinds = [
  'welcome',
  'role_granted',
  'role_revoked',
  'import_committed',
  'unit_merged',
  'unit_dissolved',
  // introductions and hand-offs (Regulation 213, Art. 2.7, 3.1, 3.2, 4.1, 4.2)
  'letter_issued',
  'my_letter_issued',
  'letter_received',
  'letter_placed',
  'letter_arrival',
  'letter_rejected',
  'letter_acknowledged',
  'my_cell_ready',
  'letters_overdue',
  'residence_notice',
  'member_moved',
  'introduction_requested',
  'request_declined',
  'draft_after_move',
  // batch steps tell each person once, with a count
  'letters_issued',
  'letter_received_many',
  'letter_placed_many',
  'letter_rejected_many',
  'letter_acknowledged_many',
  'letter_arrival_many',
  // residential cell life (Art. 4.3, 4.4)
  'meeting_invited',
  'meeting_changed',
  'meeting_cancelled',
  'meeting_reminder',
  'absences_reported',
  'half_year_missed',
  // campaigns, warnings and directed topics (Art. 2.6, 4.3, 4.4)
  'contribution_proposed',
  'warning_issued',
  'warning_replied',
  'warning_escalated',
  'topic_directed',
  // the yearly residence comment (Art. 3.4, 3.5, 4.4, 4.5)
  'evaluation_requested_cell',
  'evaluation_requested_commune',
  'evaluation_requested_member',
  'evaluation_awaiting_front_sign',
  'evaluation_front_signed',
  'evaluation_signed',
  'evaluation_delivered',
  'evaluation_returned',
  'evaluation_released',
  'evaluation_cancelled',
  'evaluation_proposal_answered',
  'evaluation_disputed',
  'evaluation_revision_agreed',
  'evaluation_dispute_upheld',
  'evaluation_dispute_revised',
  'evaluation_overdue',
  // the yearly report upward (Art. 5)
  'yearly_report_submitted',
  'yearly_report_received',
  'yearly_report_returned',
  'yearly_report_deadline',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

const kindSet: ReadonlySet<string> = new Set(notificationKinds);
export function isNotificationKind(kind: string): kind is NotificationKind {
  return kindSet.has(kind);
}


export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const notificationPaths = {
  list: '/api/notifications',
  unreadCount: '/api/notifications/unread-count',
  markRead: (id: string) => `/api/notifications/${id}/read`,
  markAllRead: '/api/notifications/read-all',
} as const;
