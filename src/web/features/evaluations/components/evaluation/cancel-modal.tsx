import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import { useCancelEvaluations } from '../../api/cancel-evaluations';
import { ReasonModal } from '../shared/reason-modal';

/** The request is no longer wanted (transfer, left the Party) and the cell has not signed: withdraw it with a reason. */
export function CancelModal({ d, onClose }: { d: EvaluationDetail; onClose: () => void }) {
  const { t } = useTranslation('evaluations');
  const cancel = useCancelEvaluations();
  return (
    <ReasonModal
      title={t('cancel.title')}
      message={t('cancel.message', { name: d.fullName })}
      label={t('cancel.reason')}
      minLength={5}
      confirmLabel={t('cancel.submit')}
      loading={cancel.isPending}
      error={cancel.error}
      onClose={onClose}
      onConfirm={(reason) =>
        // the step may take the button that opened this dialog off the page: the promise carries the outcome
        void cancel
          .mutateAsync({ evaluationIds: [d.id], reason })
          .then(() => {
            notifications.show({ color: 'orange', message: t('cancel.done') });
            onClose();
          })
          .catch(() => undefined)
      }
    />
  );
}
