import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconMapPin, IconQrcode } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { myMeetingSchema } from '../../../../shared/contracts/meetings';
import { hrefs } from '../../../app/paths';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useMyMeetings } from '../api/get-my-meetings';
import { AttendanceBadge, MeetingKindBadge, MeetingStatusBadge, RsvpBadge } from './meeting-badges';
import { canAnswer, formatMeetingTime, isCheckInOpen, isUpcoming } from '../lib/meeting-time';
import { RsvpPanel } from './rsvp-panel';
import { useNow } from '../lib/use-now';

type MyMeeting = z.infer<typeof myMeetingSchema>;

/** The working member's own meetings (phone-first): answer the upcoming ones, see how the past ones went. */
export function MyMeetings() {
  const { t } = useTranslation('meetings');
  const query = useMyMeetings();
  const now = useNow();

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  // the server lists newest first; the next meeting is the one to answer first
  const upcoming = query.data.items.filter((m) => isUpcoming(m, now)).reverse();
  const past = query.data.items.filter((m) => !isUpcoming(m, now));

  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby="my-upcoming">
        <Title order={3} fz="lg" id="my-upcoming">
          {t('mine.upcoming')}
        </Title>
        {upcoming.length === 0 ? (
          <EmptyState title={t('mine.noUpcoming')} />
        ) : (
          upcoming.map((m) => <UpcomingCard key={m.id} m={m} now={now} />)
        )}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="my-past">
        <Title order={3} fz="lg" id="my-past">
          {t('mine.past')}
        </Title>
        {past.length === 0 ? (
          <Text c="dimmed">{t('mine.noPast')}</Text>
        ) : (
          past.map((m) => <PastRow key={m.id} m={m} />)
        )}
      </Stack>
    </Stack>
  );
}

function UpcomingCard({ m, now }: { m: MyMeeting; now: Date }) {
  const { t } = useTranslation('meetings');
  const checkedIn = m.attendance === 'present' || m.attendance === 'late';
  return (
    <Card withBorder padding="md" component="article" aria-label={m.title}>
      <Stack gap="sm">
        <Stack gap={4}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={hrefs.meeting(m.id)} fw={700} fz="lg" lh={1.3}>
              {m.title}
            </Anchor>
            {m.kind === 'extraordinary' && <MeetingKindBadge value={m.kind} />}
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconCalendarEvent size={18} style={{ flexShrink: 0 }} />
            <Text fw={500}>{formatMeetingTime(m.startsAt, m.endsAt)}</Text>
          </Group>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconMapPin size={18} style={{ flexShrink: 0 }} />
            <Text size="sm">{m.place}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {m.cellName}
          </Text>
        </Stack>
        {checkedIn ? (
          <Alert color="green" variant="light" title={t('checkIn.doneTitle')}>
            <AttendanceBadge value={m.attendance} />
          </Alert>
        ) : (
          isCheckInOpen(m, now) && (
            <Alert color="blue" variant="light" icon={<IconQrcode />}>
              {t('mine.checkInHint')}
            </Alert>
          )
        )}
        <RsvpPanel meetingId={m.id} rsvp={m.rsvp} open={canAnswer(m, now)} />
      </Stack>
    </Card>
  );
}

function PastRow({ m }: { m: MyMeeting }) {
  return (
    <Card withBorder padding="sm" component={Link} to={hrefs.meeting(m.id)} className="rl-clickable">
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>{m.title}</Text>
          <Text size="sm" c="dimmed">
            {formatMeetingTime(m.startsAt, m.endsAt)} · {m.cellName}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          {m.status === 'held' ? (
            <AttendanceBadge value={m.attendance} />
          ) : (
            <MeetingStatusBadge value={m.status} />
          )}
          {m.status !== 'held' && m.rsvp && <RsvpBadge value={m.rsvp} size="sm" />}
        </Stack>
      </Group>
    </Card>
  );
}
