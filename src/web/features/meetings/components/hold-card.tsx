import { Alert, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { useExplained } from '../../../components/ui/explained';
import { formatDateTime } from '../../../lib/dates';
import { useHoldMeeting } from '../api/hold-meeting';
import { canHold } from '../lib/meeting-time';

/**
 * "Record as held", after the meeting: whoever is still unrecorded becomes absent — with a reason when
 * they sent one beforehand, without otherwise. Asked first, since it closes the register.
 */
export function HoldCard({ m, now, unsaved }: { m: MeetingDetail; now: Date; unsaved: number }) {
  const { t } = useTranslation('meetings');
  const [asking, setAsking] = useState(false);
  const hold = useHoldMeeting();
  const started = canHold(m, now);
  // why it cannot be pressed yet, next to the button and read with it
  const explained = useExplained(
    !started
      ? t('hold.notStarted', { at: formatDateTime(m.startsAt) })
      : unsaved > 0
        ? t('hold.saveFirst', { count: unsaved })
        : null,
  );
  const unrecorded = m.attendance.filter((r) => r.status === 'unrecorded');
  const excused = unrecorded.filter((r) => r.rsvp === 'not_attending').length;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="hold-title">
      <Stack gap="sm">
        <Title order={3} fz="lg" id="hold-title">
          {t('hold.title')}
        </Title>
        <Text size="sm">{t('hold.hint')}</Text>
        <Button
          size="lg"
          color="green"
          leftSection={<IconCircleCheck />}
          onClick={() => setAsking(true)}
          {...explained.props}
        >
          {t('hold.button')}
        </Button>
        {explained.note}
      </Stack>
      <ConfirmModal
        opened={asking}
        title={t('hold.confirmTitle')}
        confirmLabel={t('hold.confirm')}
        color="green"
        loading={hold.isPending}
        onClose={() => {
          setAsking(false);
          hold.reset();
        }}
        onConfirm={() =>
          // this card leaves the page once the meeting is held, so the message follows the promise,
          // not a callback of the (by then unmounted) mutation; a refusal shows in the dialog
          void hold
            .mutateAsync(m.id)
            .then(() => notifications.show({ color: 'green', message: t('hold.done') }))
            .catch(() => undefined)
        }
      >
        <Stack gap="xs">
          {hold.error && (
            <Alert color="red" role="alert">
              {hold.error.message}
            </Alert>
          )}
          {unrecorded.length === 0 ? (
            <Text size="sm">{t('hold.allRecorded')}</Text>
          ) : (
            <>
              <Text size="sm">{t('hold.unrecorded', { count: unrecorded.length })}</Text>
              <List size="sm">
                {excused > 0 && <List.Item>{t('hold.becomeExcused', { count: excused })}</List.Item>}
                {unrecorded.length - excused > 0 && (
                  <List.Item>{t('hold.becomeUnexcused', { count: unrecorded.length - excused })}</List.Item>
                )}
              </List>
            </>
          )}
          <Text size="sm" c="dimmed">
            {t('hold.after')}
          </Text>
        </Stack>
      </ConfirmModal>
    </Card>
  );
}
