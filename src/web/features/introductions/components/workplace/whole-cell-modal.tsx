import { Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateLettersResponse } from '../../../../../shared/contracts/introductions';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { UnitPicker } from '../../../lookups/components/unit-picker';
import { useCreateLetters } from '../../api/create-letters';
import { IssueNowCheckbox } from '../shared/issue-now-checkbox';

interface WholeCellModalProps {
  opened: boolean;
  canSign: boolean;
  onClose: () => void;
  onDone: (result: CreateLettersResponse) => void;
}

/** Letters for every working member of a workplace cell (members who already have one are skipped). */
export function WholeCellModal({ opened, canSign, onClose, onDone }: WholeCellModalProps) {
  const { t } = useTranslation('introductions');
  const [cellId, setCellId] = useState<string | null>(null);
  const [issue, setIssue] = useState(false);
  const create = useCreateLetters();

  const submit = () => {
    if (!cellId) return;
    create.mutate(
      { unitId: cellId, issue },
      {
        onSuccess: (r) => {
          setCellId(null);
          onDone(r);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('wholeCell.title')} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('wholeCell.hint')}
        </Text>
        <UnitPicker
          label={t('wholeCell.cell')}
          type="workplace_cell"
          value={cellId}
          onChange={(id) => setCellId(id)}
          required
        />
        <IssueNowCheckbox canSign={canSign} checked={issue} onChange={setIssue} />
        <ModalActions
          submitLabel={t('wholeCell.submit')}
          onCancel={onClose}
          onSubmit={submit}
          disabled={!cellId}
          loading={create.isPending}
        />
      </Stack>
    </Modal>
  );
}
