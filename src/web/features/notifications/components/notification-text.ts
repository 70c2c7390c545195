import type { TFunction } from 'i18next';
import { notificationKinds, type Notification } from '../../../../shared/contracts/notifications';
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

const knownKinds: readonly string[] = notificationKinds;

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
