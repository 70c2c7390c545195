import { Alert, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterListItem } from '../../../../../shared/contracts/introductions';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { fieldErrors } from '../../../../lib/form-errors';
import { useResendLetter } from '../../api/resend-letter';
import { IssueNowCheckbox } from './issue-now-checkbox';
import { ResidenceAddressFields } from './residence-address-fields';

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
        <ResidenceAddressFields
          communeId={communeId}
          commune={{
            label: t('fields.receivingCommune'),
            onChange: setCommuneId,
            initialLabel: communeId === letter.receivingCommuneId ? letter.receivingCommuneName : null,
            error: errors.receivingCommuneId,
          }}
          areaId={areaId}
          onAreaChange={setAreaId}
          street={street}
          onStreetChange={setStreet}
          errors={errors}
        />
        <IssueNowCheckbox canSign={canSign} label={t('resend.issue')} checked={issue} onChange={setIssue} />
        <ModalActions
          submitLabel={t('resend.submit')}
          onCancel={onClose}
          onSubmit={submit}
          disabled={!communeId}
          loading={resend.isPending}
        />
      </Stack>
    </Modal>
  );
}
