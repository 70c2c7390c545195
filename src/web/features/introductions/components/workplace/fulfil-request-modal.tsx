import { Alert, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestItem } from '../../../../../shared/contracts/introductions';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { useFulfilRequest } from '../../api/fulfil-request';
import { IssueNowCheckbox } from '../shared/issue-now-checkbox';
import { MemberSearchSelect } from '../shared/member-search-select';

interface FulfilRequestModalProps {
  request: RequestItem;
  unitId: string;
  canSign: boolean;
  onClose: () => void;
}

/** Answer a commune's request with a letter: the member is known from the card number, or the officer finds them. */
export function FulfilRequestModal({ request, unitId, canSign, onClose }: FulfilRequestModalProps) {
  const { t } = useTranslation('introductions');
  const [memberId, setMemberId] = useState<string | null>(request.memberId);
  const [issue, setIssue] = useState(false);
  const fulfil = useFulfilRequest();

  const submit = () => {
    if (!memberId) return;
    fulfil.mutate(
      { id: request.id, memberId, issue },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('requests.fulfilled', { name: request.fullName }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('requests.fulfilTitle', { name: request.fullName })}
      centered
      size="lg"
    >
      <Stack>
        <Text size="sm">
          {request.communeName} — {request.residenceAddress}
        </Text>
        {request.memberId ? (
          <Alert color="green" variant="light">
            {t('requests.memberMatched')}
          </Alert>
        ) : (
          <MemberSearchSelect
            label={t('fields.member')}
            unitId={unitId}
            value={memberId}
            onChange={(id) => setMemberId(id)}
            initialSearch={request.cardNumber ?? ''}
            required
          />
        )}
        <IssueNowCheckbox canSign={canSign} checked={issue} onChange={setIssue} />
        <ModalActions
          submitLabel={t('requests.fulfil')}
          onCancel={onClose}
          onSubmit={submit}
          disabled={!memberId}
          loading={fulfil.isPending}
        />
      </Stack>
    </Modal>
  );
}
