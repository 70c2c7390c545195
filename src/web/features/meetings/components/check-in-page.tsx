import { Alert, Anchor, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarEvent, IconCircleCheck, IconFingerprint, IconMapPin } from '@tabler/icons-react';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hrefs } from '../../../app/paths';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/dates';
import { useCheckIn } from '../api/check-in';
import { useMeeting } from '../api/get-meeting';
import { checkInWindow } from '../lib/meeting-time';
import { AttendanceBadge } from './meeting-badges';

/**
 * Where the QR at the meeting leads: the logged-in member confirms with one big button. Each person
 * checks in on their own account, so nobody can tick a whole family in.
 */
export function CheckInPage() {
  const { t } = useTranslation('meetings');
  const { meetingId } = useParams({ from: '/authed/meetings/$meetingId/check-in' });
  const { code } = useSearch({ from: '/authed/meetings/$meetingId/check-in' });
  const query = useMeeting(meetingId);
  const checkIn = useCheckIn();

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;
  const mine = m.mine;
  const done = mine && (mine.status === 'present' || mine.status === 'late');
  const w = checkInWindow(m);

  return (
    <Stack gap="md" maw={560} mx="auto">
      <Title order={2}>{t('checkIn.title')}</Title>
      <Card withBorder padding="md">
        <Stack gap={6}>
          <Text fw={700} fz="lg">
            {m.title}
          </Text>
          <Text size="sm">{m.cellName}</Text>
          <Group gap={6} wrap="nowrap">
            <IconCalendarEvent size={18} />
            <Text size="sm">{formatDateTime(m.startsAt)}</Text>
          </Group>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconMapPin size={18} style={{ flexShrink: 0 }} />
            <Text size="sm">{m.place}</Text>
          </Group>
        </Stack>
      </Card>

      {done ? (
        <Card withBorder padding="lg" bg="green.0" role="status">
          <Stack align="center" gap="xs">
            <ThemeIcon size={64} radius="xl" color="green">
              <IconCircleCheck size={40} />
            </ThemeIcon>
            <Text fw={700} fz="xl" ta="center">
              {t('checkIn.doneTitle')}
            </Text>
            <AttendanceBadge value={mine.status} size="lg" />
            {mine.checkedInAt && (
              <Text size="sm" c="dimmed">
                {t('checkIn.doneAt', { at: formatDateTime(mine.checkedInAt) })}
              </Text>
            )}
          </Stack>
        </Card>
      ) : !mine ? (
        <Alert color="orange" role="alert">
          {t('checkIn.notInvited')}
        </Alert>
      ) : !code ? (
        <Alert color="orange" role="alert">
          {t('checkIn.noCode')}
        </Alert>
      ) : (
        <Stack gap="sm">
          {checkIn.error && (
            <Alert color="red" role="alert" title={t('checkIn.failed')}>
              {checkIn.error.message}
            </Alert>
          )}
          <Button
            size="xl"
            h={72}
            fz={22}
            color="green"
            leftSection={<IconFingerprint size={30} />}
            onClick={() => checkIn.mutate({ id: m.id, code })}
            loading={checkIn.isPending}
            fullWidth
          >
            {t('checkIn.button')}
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            {t('qr.window', {
              opens: formatDateTime(w.opens.toISOString()),
              closes: formatDateTime(w.closes.toISOString()),
            })}
          </Text>
        </Stack>
      )}
      <Anchor component={Link} to={hrefs.meeting(m.id)} ta="center">
        {t('checkIn.openMeeting')}
      </Anchor>
    </Stack>
  );
}
