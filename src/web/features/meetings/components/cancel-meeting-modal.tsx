import { Alert, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { fieldErrors } from '../../../lib/form-errors';
import { useCancelMeeting } from '../api/cancel-meeting';

/** Cancel with a reason; every invitee is told (in-app and by email). */
export function CancelMeetingModal({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const [reason, setReason] = useState('');
  const cancel = useCancelMeeting();
  const errors = fieldErrors(cancel.error);
  return (
    <ConfirmModal
      opened
      title={t('cancel.title')}
      message={t('cancel.message', { title: m.title, count: m.invited })}
      confirmLabel={t('cancel.confirm')}
      loading={cancel.isPending}
      confirmDisabled={reason.trim().length < 3}
      confirmDisabledReason={t('cancel.reasonFirst')}
      onClose={onClose}
      onConfirm={() =>
        cancel.mutate(
          { id: m.id, reason: reason.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'orange', message: t('cancel.done') });
              onClose();
            },
          },
        )
      }
    >
      <Stack gap="xs">
        {cancel.error && !errors.reason && (
          <Alert color="red" role="alert">
            {cancel.error.message}
          </Alert>
        )}
        <Textarea
          label={t('cancel.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
      </Stack>
    </ConfirmModal>
  );
}
