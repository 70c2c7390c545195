import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconQrcode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttendanceRow, MeetingDetail } from '../../../../shared/contracts/meetings';
import { formatDateTime } from '../../../lib/dates';
import { canAnswer, isCheckInOpen } from '../lib/meeting-time';
import { AttendanceBadge } from './meeting-badges';
import { RsvpPanel } from './rsvp-panel';

/** The invited member's own part: their answer before, their attendance during and after. */
export function MyInvitationCard({ m, mine, now }: { m: MeetingDetail; mine: AttendanceRow; now: Date }) {
  const { t } = useTranslation('meetings');
  const checkedIn = mine.status === 'present' || mine.status === 'late';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="my-invitation-title">
      <Stack gap="sm">
        <Title order={3} fz="lg" id="my-invitation-title">
          {t('invitation.title')}
        </Title>
        {checkedIn ? (
          <Alert color="green" variant="light" icon={<IconCircleCheck />} title={t('checkIn.doneTitle')}>
            <Group gap="xs">
              <AttendanceBadge value={mine.status} />
              {mine.checkedInAt && <Text size="sm">{formatDateTime(mine.checkedInAt)}</Text>}
            </Group>
          </Alert>
        ) : m.status === 'held' ? (
          <Group gap="xs">
            <Text size="sm">{t('invitation.yourAttendance')}</Text>
            <AttendanceBadge value={mine.status} size="lg" />
            {mine.reason && (
              <Text size="sm" c="dimmed">
                {mine.reason}
              </Text>
            )}
          </Group>
        ) : (
          isCheckInOpen(m, now) && (
            <Alert color="blue" variant="light" icon={<IconQrcode />}>
              {t('mine.checkInHint')}
            </Alert>
          )
        )}
        {m.status === 'scheduled' && (
          <RsvpPanel meetingId={m.id} rsvp={mine.rsvp} reason={mine.rsvpReason} open={canAnswer(m, now)} />
        )}
      </Stack>
    </Card>
  );
}
