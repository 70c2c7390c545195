import type { TFunction } from 'i18next';
import type { Notification } from '../../../../shared/contracts/notifications';
import { formatDate, formatDateTime } from '../../../lib/dates';

/**
 * Dates travel as ISO (a day or a moment) and are shown dd/mm/yyyy [HH:mm]. Some senders format them
 * already (meeting notifications: "19:30 1/3/26"); those are normalised, never re-parsed as month/day.
 */
export function displayDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  const vi = /^(\d{1,2}):(\d{2}),? (\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value.trim());
  if (vi) {
    const [, h, min, d, mo, y] = vi;
    const year = y!.length === 2 ? `20${y}` : y;
    return `${d!.padStart(2, '0')}/${mo!.padStart(2, '0')}/${year} ${h!.padStart(2, '0')}:${min}`;
  }
  return value;
}

const knownKinds = [
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
];

/** Kinds whose `kind` param is a warning's form (reminder / warning), not a residence notice kind. */
const warningKinds = ['warning_issued'];

/** Free text, not a code: shown as the sender wrote it. */
const freeTextReasonKinds = ['meeting_cancelled', 'evaluation_returned', 'evaluation_cancelled', 'yearly_report_returned'];

/** Notifications carry a kind and params; the words are ours, in the reader's language. */
export function notificationText(t: TFunction, n: Notification): { title: string; body: string } {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(n.params)) params[key] = value ?? '';
  if (typeof params.role === 'string')
    params.roleLabel = t(`enums:role.${params.role}`, { defaultValue: params.role });
  // enums and dates travel as codes: translate and format them here
  if (typeof params.reason === 'string' && !freeTextReasonKinds.includes(n.kind))
    params.reasonLabel = t(`enums:rejectReason.${params.reason}`, { defaultValue: params.reason });
  if (typeof params.kind === 'string')
    params.kindLabel = warningKinds.includes(n.kind)
      ? t(`notifications:warningKind.${params.kind}`, { defaultValue: params.kind })
      : t(`enums:noticeKind.${params.kind}`, { defaultValue: params.kind });
  for (const key of ['date', 'deadline', 'due'])
    if (typeof params[key] === 'string') params[key] = displayDate(params[key]);
  for (const key of ['count', 'days', 'half', 'held', 'year'])
    if (typeof params[key] === 'string' && /^\d+$/.test(params[key])) params[key] = Number(params[key]);
  if (knownKinds.includes(n.kind)) {
    return {
      title: t(`notifications:kinds.${n.kind}.title`, params),
      body: t(`notifications:kinds.${n.kind}.body`, params),
    };
  }
  return {
    title: t('notifications:kinds.generic.title'),
    body: t('notifications:kinds.generic.body', { kind: n.kind }),
  };
}
