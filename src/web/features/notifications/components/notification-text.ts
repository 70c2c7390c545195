import type { TFunction } from 'i18next';
import type { Notification } from '../../../../shared/contracts/notifications';
import { formatDate } from '../../../lib/dates';

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
];

/** Notifications carry a kind and params; the words are ours, in the reader's language. */
export function notificationText(t: TFunction, n: Notification): { title: string; body: string } {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(n.params)) params[key] = value ?? '';
  if (typeof params.role === 'string')
    params.roleLabel = t(`enums:role.${params.role}`, { defaultValue: params.role });
  // enums and dates travel as codes: translate and format them here
  if (typeof params.reason === 'string')
    params.reasonLabel = t(`enums:rejectReason.${params.reason}`, { defaultValue: params.reason });
  if (typeof params.kind === 'string')
    params.kindLabel = t(`enums:noticeKind.${params.kind}`, { defaultValue: params.kind });
  if (typeof params.date === 'string') params.date = formatDate(params.date);
  if (typeof params.count === 'string' && /^\d+$/.test(params.count)) params.count = Number(params.count);
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
