import type { TFunction } from 'i18next';
import { formatDate } from '../../../lib/dates';

/** "01/10/2026 – 15/10/2026", or "from 01/10/2026" while it has no end. */
export function activityPeriod(t: TFunction, a: { startsOn: string; endsOn: string | null }): string {
  if (!a.endsOn) return t('cellLife:activity.from', { date: formatDate(a.startsOn) });
  if (a.endsOn === a.startsOn) return formatDate(a.startsOn);
  return `${formatDate(a.startsOn)} – ${formatDate(a.endsOn)}`;
}
