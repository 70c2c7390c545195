import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateLettersResponse } from '../../../../../shared/contracts/introductions';
import { UnitPicker } from '../../../lookups/components/unit-picker';
import { useCreateLetters } from '../../api/create-letters';

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
        {canSign && (
          <Checkbox
            label={t('wholeCell.issue')}
            checked={issue}
            onChange={(e) => setIssue(e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button disabled={!cellId} loading={create.isPending} onClick={submit}>
            {t('wholeCell.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
