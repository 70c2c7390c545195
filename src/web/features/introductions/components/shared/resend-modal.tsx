import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterListItem } from '../../../../../shared/contracts/introductions';
import { fieldErrors } from '../../../../lib/form-errors';
import { UnitPicker } from '../../../lookups/components/unit-picker';
import { useResendLetter } from '../../api/resend-letter';
import { AreaSelect } from './area-select';

interface ResendModalProps {
  letter: LetterListItem;
  canSign: boolean;
  onClose: () => void;
  /** the new letter that replaces the rejected one */
  onResent?: (letterId: string) => void;
}

/** Correct the receiving commune / address of a rejected letter and send a new one in its place. */
export function ResendModal({ letter, canSign, onClose, onResent }: ResendModalProps) {
  const { t } = useTranslation('introductions');
  const [communeId, setCommuneId] = useState<string | null>(letter.receivingCommuneId);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [street, setStreet] = useState('');
  const [issue, setIssue] = useState(canSign);
  const resend = useResendLetter();
  const errors = fieldErrors(resend.error);

  const submit = () => {
    if (!communeId) return;
    resend.mutate(
      {
        id: letter.id,
        body: {
          receivingCommuneId: communeId,
          residenceAreaId: areaId,
          residenceStreet: street.trim() || null,
          issue,
        },
      },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('resend.done', { name: letter.memberName }) });
          onClose();
          onResent?.(r.letterId);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('resend.title', { name: letter.memberName })} centered size="lg">
      <Stack>
        <Alert color="red" variant="light" title={t('resend.rejectedBecause')}>
          <Text size="sm">
            {letter.rejectReason ? t(`enums:rejectReason.${letter.rejectReason}`) : '—'}
            {letter.rejectNote ? `: ${letter.rejectNote}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {letter.receivingCommuneName} — {letter.residenceAddress}
          </Text>
        </Alert>
        <UnitPicker
          label={t('fields.receivingCommune')}
          type="commune_committee"
          value={communeId}
          initialLabel={communeId === letter.receivingCommuneId ? letter.receivingCommuneName : null}
          onChange={(id) => {
            setCommuneId(id);
            setAreaId(null);
          }}
          required
          error={errors.receivingCommuneId}
        />
        <AreaSelect
          communeId={communeId}
          value={areaId}
          onChange={setAreaId}
          error={errors.residenceAreaId}
        />
        <TextInput
          label={t('fields.street')}
          value={street}
          onChange={(e) => setStreet(e.currentTarget.value)}
          error={errors.residenceStreet}
        />
        {canSign && (
          <Checkbox
            label={t('resend.issue')}
            checked={issue}
            onChange={(e) => setIssue(e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button disabled={!communeId} loading={resend.isPending} onClick={submit}>
            {t('resend.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
