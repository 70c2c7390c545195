import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestItem } from '../../../../../shared/contracts/introductions';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { fieldErrors } from '../../../../lib/form-errors';
import { useDeclineRequest } from '../../api/decline-request';
import { NoteField } from '../shared/note-field';

/** Decline with a reason the commune can act on (e.g. "not our member", "already introduced elsewhere"). */
export function DeclineRequestModal({ request, onClose }: { request: RequestItem; onClose: () => void }) {
  const { t } = useTranslation('introductions');
  const [note, setNote] = useState('');
  const decline = useDeclineRequest();
  return (
    <ConfirmModal
      opened
      title={t('requests.declineTitle', { name: request.fullName })}
      confirmLabel={t('requests.decline')}
      loading={decline.isPending}
      confirmDisabled={note.trim().length < 3}
      onClose={onClose}
      onConfirm={() =>
        decline.mutate(
          { id: request.id, note: note.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('requests.declined') });
              onClose();
            },
          },
        )
      }
    >
      <NoteField
        label={t('requests.declineNote')}
        description={t('requests.declineNoteHint')}
        required
        minRows={3}
        value={note}
        onChange={setNote}
        error={fieldErrors(decline.error).note}
        data-autofocus
      />
    </ConfirmModal>
  );
}
