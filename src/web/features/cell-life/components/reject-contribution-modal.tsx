import { Alert, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionItem } from '../../../../shared/contracts/cell-life';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { fieldErrors } from '../../../lib/form-errors';
import { useDecideContribution } from '../api/decide-contribution';

/** Rejecting a member's own proposal is final: asked first, with an optional note the member will read. */
export function RejectContributionModal({ c, onClose }: { c: ContributionItem; onClose: () => void }) {
  const { t } = useTranslation('cellLife');
  const [note, setNote] = useState('');
  const decide = useDecideContribution();
  const errors = fieldErrors(decide.error);
  return (
    <ConfirmModal
      opened
      title={t('decide.rejectTitle')}
      message={t('decide.rejectMessage', { member: c.memberName })}
      confirmLabel={t('decide.rejectConfirm')}
      loading={decide.isPending}
      onClose={onClose}
      onConfirm={() =>
        decide.mutate(
          { contributionId: c.id, decision: 'reject', note: note.trim() || null },
          {
            onSuccess: () => {
              notifications.show({ color: 'orange', message: t('decide.rejected') });
              onClose();
            },
          },
        )
      }
    >
      <Stack gap="xs">
        {decide.error && !errors.note && (
          <Alert color="red" role="alert">
            {decide.error.message}
          </Alert>
        )}
        <Textarea
          label={t('decide.note')}
          description={t('decide.noteHint')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          data-autofocus
        />
      </Stack>
    </ConfirmModal>
  );
}
