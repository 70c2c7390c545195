import { List, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  rejectReasonSchema,
  type LetterListItem,
  type RejectReason,
} from '../../../../../shared/contracts/introductions';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { fieldErrors } from '../../../../lib/form-errors';
import { useRejectLetters } from '../../api/reject-letters';
import { NoteField } from './note-field';

interface RejectModalProps {
  letters: Pick<LetterListItem, 'id' | 'memberName'>[];
  onClose: () => void;
  onDone: () => void;
}

/** Send letters back to the workplace (not our area, wrong address…); it corrects and re-sends. */
export function RejectModal({ onClose, onDone, ...props }: RejectModalProps) {
  const { t } = useTranslation('introductions');
  // the selection as it was when the dialog opened: the lists behind it refresh while it works
  const [letters] = useState(props.letters);
  const [reason, setReason] = useState<RejectReason>('not_our_area');
  const [note, setNote] = useState('');
  const reject = useRejectLetters();
  const needsNote = reason === 'other' && note.trim().length < 3;

  return (
    <ConfirmModal
      opened
      title={t('reject.title', { count: letters.length })}
      confirmLabel={t('reject.submit')}
      loading={reject.isPending}
      confirmDisabled={needsNote}
      confirmDisabledReason={t('reject.noteFirst')}
      onClose={onClose}
      onConfirm={() =>
        reject.mutate(
          { letterIds: letters.map((l) => l.id), reason, note: note.trim() || undefined },
          {
            onSuccess: (r) => {
              notifications.show({
                color: 'orange',
                message: t('reject.done', { count: r.changed + r.repeated }),
              });
              onDone();
            },
          },
        )
      }
    >
      <Stack gap="sm">
        <List size="sm" spacing={2}>
          {letters.slice(0, 8).map((l) => (
            <List.Item key={l.id}>{l.memberName}</List.Item>
          ))}
        </List>
        {letters.length > 8 && (
          <Text size="sm" c="dimmed">
            {t('reject.andMore', { count: letters.length - 8 })}
          </Text>
        )}
        <Radio.Group
          label={t('reject.reason')}
          value={reason}
          onChange={(v) => setReason(v as RejectReason)}
          required
        >
          <Stack gap="xs" mt={4}>
            {rejectReasonSchema.options.map((r) => (
              <Radio key={r} value={r} label={t(`enums:rejectReason.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <NoteField
          description={t('reject.noteHint')}
          required={reason === 'other'}
          value={note}
          onChange={setNote}
          error={fieldErrors(reject.error).note}
        />
      </Stack>
    </ConfirmModal>
  );
}
