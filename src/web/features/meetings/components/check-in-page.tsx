import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCircleCheck,
  IconFingerprint,
  IconMapPin,
  IconWifiOff,
} from '@tabler/icons-react';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { hrefs } from '../../../app/paths';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { isOfflineError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';
import { isOnline } from '../../../lib/offline/network';
import { useOutboxItems, useOutboxReports } from '../../../lib/offline/phone-outbox';
import { useCurrentUser } from '../../auth/api/get-me';
import { useCheckIn } from '../api/check-in';
import { useMeeting } from '../api/get-meeting';
import { checkInWindow } from '../lib/meeting-time';
import {
  isCheckInReport,
  isQueuedCheckIn,
  queueCheckIn,
  type QueuedCheckIn,
} from '../lib/offline-attendance';
import { AttendanceBadge } from './meeting-badges';
import { CheckInStatusCard, QueuedCheckInCard, SentCheckInReport } from './offline-check-in-card';

/**
 * Where the QR at the meeting leads: the logged-in member confirms with one big button. Each person
 * checks in on their own account, so nobody can tick a whole family in. Without signal the check-in waits
 * on the phone with the time the code was scanned and goes out by itself later (decision 0010).
 */
export function CheckInPage() {
  const { t } = useTranslation('meetings');
  const { meetingId } = useParams({ from: '/authed/meetings/$meetingId/check-in' });
  const { code } = useSearch({ from: '/authed/meetings/$meetingId/check-in' });
  const me = useCurrentUser();
  // the QR was scanned when this page opened with its code
  const [scannedAt] = useState(() => new Date().toISOString());
  const query = useMeeting(meetingId);
  const checkIn = useCheckIn();
  const queued = useOutboxItems(isQueuedCheckIn(meetingId))[0]?.payload as QueuedCheckIn | undefined;
  const report = useOutboxReports(isCheckInReport(meetingId)).at(-1);
  // offline with nothing saved for this meeting: the check-in can still wait on the phone
  const offlineWithoutDetails = query.isError && isOfflineError(query.error);

  if (query.isPending) return <LoadingState />;
  if (query.isError && !offlineWithoutDetails)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;
  const mine = m?.mine;
  const done = mine && (mine.status === 'present' || mine.status === 'late');

  const submit = (c: string) => {
    const queue = () => void queueCheckIn(me.user.id, { meetingId, code: c, scannedAt });
    if (!isOnline()) return queue();
    checkIn.mutate({ id: meetingId, code: c }, { onError: (error) => isOfflineError(error) && queue() });
  };

  return (
    <Stack gap="md" maw={560} mx="auto">
      <Title order={1} size="h2">
        {t('checkIn.title')}
      </Title>
      {m ? (
        <MeetingSummary m={m} />
      ) : (
        <Alert color="orange" icon={<IconWifiOff />}>
          {t('offline.noDetails')}
        </Alert>
      )}
      {report && <SentCheckInReport report={report} />}

      {done ? (
        <CheckInStatusCard color="green" icon={<IconCircleCheck size={40} />} title={t('checkIn.doneTitle')}>
          <AttendanceBadge value={mine.status} size="lg" />
          {mine.checkedInOffline && <Badge variant="light">{t('offline.checkedInOffline')}</Badge>}
          {mine.checkedInAt && (
            <Text size="sm" c="dimmed">
              {t('checkIn.doneAt', { at: formatDateTime(mine.checkedInAt) })}
            </Text>
          )}
        </CheckInStatusCard>
      ) : queued ? (
        <QueuedCheckInCard scannedAt={queued.scannedAt} />
      ) : m && !mine ? (
        <Alert color="orange" role="alert">
          {t('checkIn.notInvited')}
        </Alert>
      ) : !code ? (
        <Alert color="orange" role="alert">
          {t('checkIn.noCode')}
        </Alert>
      ) : (
        <Stack gap="sm">
          {checkIn.error && !isOfflineError(checkIn.error) && (
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
            onClick={() => submit(code)}
            loading={checkIn.isPending}
            fullWidth
          >
            {t('checkIn.button')}
          </Button>
          {m && (
            <Text size="sm" c="dimmed" ta="center">
              {t('qr.window', {
                opens: formatDateTime(checkInWindow(m).opens.toISOString()),
                closes: formatDateTime(checkInWindow(m).closes.toISOString()),
              })}
            </Text>
          )}
        </Stack>
      )}
      <Anchor component={Link} to={hrefs.meeting(meetingId)} ta="center">
        {t('checkIn.openMeeting')}
      </Anchor>
    </Stack>
  );
}

function MeetingSummary({ m }: { m: MeetingDetail }) {
  return (
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
  );
}
