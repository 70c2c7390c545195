import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import { useDisputeEvaluation } from '../../api/dispute-evaluation';
import { ReasonModal } from '../shared/reason-modal';

/** Art. 3.4: the member finds the comment not objective and says why; the workplace meets the commune about it. */
export function DisputeModal({ d, onClose }: { d: EvaluationDetail; onClose: () => void }) {
  const { t } = useTranslation('evaluations');
  const dispute = useDisputeEvaluation();
  return (
    <ReasonModal
      title={t('dispute.title')}
      message={t('dispute.message')}
      label={t('dispute.reason')}
      minLength={10}
      confirmLabel={t('dispute.submit')}
      color="grape"
      loading={dispute.isPending}
      error={dispute.error}
      onClose={onClose}
      onConfirm={(reason) =>
        // the step may take the button that opened this dialog off the page: the promise carries the outcome
        void dispute
          .mutateAsync({ id: d.id, reason })
          .then(() => {
            notifications.show({ color: 'grape', message: t('dispute.done') });
            onClose();
          })
          .catch(() => undefined)
      }
    />
  );
}
