import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepResult } from '../../../../../shared/contracts/evaluations';
import { useReturnEvaluations } from '../../api/return-evaluations';
import { ReasonModal } from './reason-modal';

interface ReturnModalProps {
  evaluations: { id: string; fullName: string }[];
  onClose: () => void;
  onDone?: (result: StepResult) => void;
}

/** Art. 4.5: the commune sends signed forms back to the cell with a reason; the cell corrects a new version. */
export function ReturnModal({ onClose, onDone, ...props }: ReturnModalProps) {
  const { t } = useTranslation('evaluations');
  // the selection as it was when the dialog opened: the lists behind it refresh while it works
  const [evaluations] = useState(props.evaluations);
  const ret = useReturnEvaluations();
  return (
    <ReasonModal
      title={t('return.title', { count: evaluations.length })}
      message={t('return.message')}
      names={evaluations.map((e) => e.fullName)}
      label={t('return.reason')}
      hint={t('return.hint')}
      minLength={5}
      confirmLabel={t('return.submit')}
      loading={ret.isPending}
      error={ret.error}
      onClose={onClose}
      onConfirm={(reason) =>
        // the page behind may drop this dialog once the forms change: the promise carries the outcome
        void ret
          .mutateAsync({ evaluationIds: evaluations.map((e) => e.id), reason })
          .then((r) => {
            notifications.show({
              color: 'orange',
              message: t('return.done', { changed: r.changed, repeated: r.repeated }),
            });
            onDone?.(r);
            onClose();
          })
          .catch(() => undefined)
      }
    />
  );
}
