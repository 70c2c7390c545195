import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LetterDetail } from '../../../../../shared/contracts/introductions';
import { EmptyState } from '../../../../components/ui/query-state';
import { formatDateTime } from '../../../../lib/dates';
import { reasonLabel } from '../shared/reason-label';

type Step = LetterDetail['history'][number];

const codeOf = (action: string) => action.replace(/^introduction\./, '');

/**
 * Letters imported or seeded without a full audit trail still have their dates: steps missing from the
 * history are filled in from them (without a name).
 */
function withDateSteps(l: LetterDetail): Step[] {
  const dated: [string, string | null][] = [
    ['created', l.createdAt],
    ['issue', l.issuedAt],
    ['receive', l.receivedAt],
    ['place', l.placedAt],
    ['acknowledge', l.acknowledgedAt],
    ['reject', l.rejectedAt],
    ['end', l.endedAt],
  ];
  const known = new Set(l.history.map((h) => codeOf(h.action)));
  const missing = dated
    .filter(
      (s): s is [string, string] => !!s[1] && !known.has(s[0]) && !(s[0] === 'end' && known.has('cancel')),
    )
    .map(([action, at]) => ({ action, at, actorName: null, note: null }));
  return [...l.history, ...missing].sort((a, b) => a.at.localeCompare(b.at));
}

/** Every step of the hand-off with who took it and when. */
export function LetterTimeline({ letter }: { letter: LetterDetail }) {
  const { t } = useTranslation('introductions');
  const history = withDateSteps(letter);
  // audit actions look like "introduction.issue"
  const actionLabel = (action: string) =>
    t(`enums:letterAction.${codeOf(action)}`, { defaultValue: codeOf(action) });
  if (history.length === 0) return <EmptyState title={t('letter.noHistory')} />;
  return (
    <Timeline active={history.length - 1} bulletSize={18} lineWidth={2}>
      {history.map((h, i) => (
        <Timeline.Item key={`${h.at}-${i}`} title={actionLabel(h.action)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(h.at)}
            {h.actorName ? ` · ${h.actorName}` : ''}
          </Text>
          {h.note && <Text size="sm">{reasonLabel(t, h.note)}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
