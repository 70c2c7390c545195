import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ActivityItem } from '../../../../shared/contracts/cell-life';
import { hrefs } from '../../../app/paths';
import { formatDays, formatVnd } from '../../../lib/numbers';
import { activityPeriod } from './activity-period';
import { ActivityKindBadge } from './cell-life-badges';

/** A campaign in the list, one tap to open it (phone-first: the whole card is the link). */
export function ActivityCard({ a }: { a: ActivityItem }) {
  const { t, i18n } = useTranslation('cellLife');
  return (
    <Card withBorder padding="md" component={Link} to={hrefs.activity(a.id)} className="rl-clickable">
      <Stack gap={6}>
        <Text fw={700} fz="lg" lh={1.3} style={{ wordBreak: 'break-word' }}>
          {a.title}
        </Text>
        <Group gap={6}>
          <ActivityKindBadge value={a.kind} />
          {a.pending > 0 && (
            <Badge variant="filled" color="yellow" c="dark">
              {t('activity.pending', { count: a.pending })}
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <IconCalendarEvent size={18} style={{ flexShrink: 0 }} />
          <Text size="sm" fw={500}>
            {activityPeriod(t, a)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {a.unitName}
        </Text>
        <Text size="sm" c={a.contributors ? undefined : 'dimmed'}>
          {a.contributors
            ? t('activity.totals', {
                count: a.contributors,
                days: formatDays(a.workDays, i18n.language),
                money: formatVnd(a.moneyVnd),
              })
            : t('activity.noneYet')}
        </Text>
      </Stack>
    </Card>
  );
}
