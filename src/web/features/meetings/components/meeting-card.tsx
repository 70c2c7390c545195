import { Card, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconMapPin } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingListItem } from '../../../../shared/contracts/meetings';
import { hrefs } from '../../../app/paths';
import { MeetingKindBadge, MeetingStatusBadge } from './meeting-badges';
import { formatMeetingTime } from '../lib/meeting-time';

/** A meeting in the cell's list, one tap to open it (phone-first: the whole card is the link). */
export function MeetingCard({ m, showCell }: { m: MeetingListItem; showCell?: boolean }) {
  const { t } = useTranslation('meetings');
  return (
    <Card withBorder padding="md" component={Link} to={hrefs.meeting(m.id)} className="rl-clickable">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700} fz="lg" lh={1.3}>
            {m.title}
          </Text>
          <MeetingStatusBadge value={m.status} style={{ flexShrink: 0 }} />
        </Group>
        <Group gap={6} wrap="nowrap">
          <IconCalendarEvent size={18} style={{ flexShrink: 0 }} />
          <Text size="sm" fw={500}>
            {formatMeetingTime(m.startsAt, m.endsAt)}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconMapPin size={18} style={{ flexShrink: 0 }} />
          <Text size="sm">{m.place}</Text>
        </Group>
        {showCell && (
          <Text size="sm" c="dimmed">
            {m.cellName}
          </Text>
        )}
        <Group gap="xs">
          {m.kind === 'extraordinary' && <MeetingKindBadge value={m.kind} />}
          <Text size="sm" c="dimmed">
            {m.status === 'held'
              ? t('card.heldCounts', { present: m.present, invited: m.invited })
              : t('card.counts', {
                  invited: m.invited,
                  attending: m.attending,
                  notAttending: m.notAttending,
                })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
