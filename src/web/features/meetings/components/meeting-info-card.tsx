import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconMapPin, IconSpeakerphone, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { formatMeetingTime } from '../lib/meeting-time';

/** When, where, who is invited, and what the cell wants the members' opinions on. */
export function MeetingInfoCard({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Line icon={<IconCalendarEvent size={20} />}>
          <Text fw={600} fz="lg">
            {formatMeetingTime(m.startsAt, m.endsAt)}
          </Text>
        </Line>
        <Line icon={<IconMapPin size={20} />}>
          <Text>{m.place}</Text>
        </Line>
        <Line icon={<IconUsersGroup size={20} />}>
          <Text>{m.cellName}</Text>
        </Line>
        {m.canManage && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" aria-label={t('info.counts')}>
            <Count label={t('info.invited')} value={m.invited} />
            <Count label={t('info.attending')} value={m.attending} />
            <Count label={t('info.notAttending')} value={m.notAttending} />
            <Count label={t('info.present')} value={m.present} />
          </SimpleGrid>
        )}
        {m.agenda && (
          <Stack gap={2}>
            <Title order={3} fz="md">
              {t('info.agenda')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.agenda}
            </Text>
          </Stack>
        )}
        {m.topics.length > 0 && (
          <Stack gap={2}>
            <Title order={3} fz="md">
              {t('info.topics')}
            </Title>
            <List size="sm" spacing={2} type="ordered">
              {m.topics.map((topic, i) => (
                <List.Item key={i}>
                  {topic.title}
                  {topic.directedTopicId && (
                    <Badge
                      variant="light"
                      color="red"
                      size="sm"
                      ml={6}
                      leftSection={<IconSpeakerphone size={12} />}
                    >
                      {t('info.directed')}
                    </Badge>
                  )}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Line({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <span style={{ flexShrink: 0, paddingTop: 2 }}>{icon}</span>
      {children}
    </Group>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </Stack>
  );
}
