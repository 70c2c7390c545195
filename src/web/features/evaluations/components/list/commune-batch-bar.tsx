import { Alert, Button, Group } from '@mantine/core';
import { IconArrowBackUp, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationListItem, StepResult } from '../../../../../shared/contracts/evaluations';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { useConfirmEvaluations } from '../../api/confirm-evaluations';
import { ReturnModal } from '../shared/return-modal';

interface CommuneBatchBarProps {
  selected: EvaluationListItem[];
  onDone: () => void;
}

/** Art. 4.5 in batch: confirm the signed forms ticked (they go to the workplaces) or return them with one reason. */
export function CommuneBatchBar({ selected, onDone }: CommuneBatchBarProps) {
  const { t } = useTranslation('evaluations');
  const [dialog, setDialog] = useState<'confirm' | 'return' | null>(null);
  // the selection as it was when the dialog opened: the list behind it may refresh (or be filtered) meanwhile
  const [pending, setPending] = useState<EvaluationListItem[]>([]);
  const open = (step: 'confirm' | 'return') => {
    setPending(selected);
    setDialog(step);
  };
  const [result, setResult] = useState<{ step: 'confirm' | 'return'; r: StepResult } | null>(null);
  const confirm = useConfirmEvaluations();
  return (
    <>
      <Group gap="xs">
        <Button
          color="teal"
          leftSection={<IconRosetteDiscountCheck size={18} />}
          disabled={selected.length === 0}
          onClick={() => open('confirm')}
        >
          {t('batch.confirm', { count: selected.length })}
        </Button>
        <Button
          variant="light"
          color="orange"
          leftSection={<IconArrowBackUp size={18} />}
          disabled={selected.length === 0}
          onClick={() => open('return')}
        >
          {t('batch.return', { count: selected.length })}
        </Button>
      </Group>
      {result && (
        <Alert
          color={result.step === 'confirm' ? 'teal' : 'orange'}
          withCloseButton
          onClose={() => setResult(null)}
          role="status"
        >
          {t(result.step === 'confirm' ? 'batch.confirmed' : 'batch.returned', {
            changed: result.r.changed,
            repeated: result.r.repeated,
          })}
        </Alert>
      )}
      {confirm.error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => confirm.reset()}>
          {confirm.error.message}
        </Alert>
      )}
      <ConfirmModal
        opened={dialog === 'confirm'}
        title={t('batch.confirmTitle', { count: pending.length })}
        message={t('batch.confirmText')}
        confirmLabel={t('commune.confirm')}
        color="teal"
        loading={confirm.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          confirm.mutate(
            { evaluationIds: pending.map((e) => e.id) },
            {
              onSuccess: (r) => {
                setResult({ step: 'confirm', r });
                onDone();
              },
              onSettled: () => setDialog(null),
            },
          )
        }
      />
      {dialog === 'return' && (
        <ReturnModal
          evaluations={pending}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setResult({ step: 'return', r });
            onDone();
          }}
        />
      )}
    </>
  );
}
