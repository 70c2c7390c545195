import { Select, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../../../../shared/rules/evaluation-rules';
import { FormModal } from '../../../../components/ui/form-modal';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { fieldErrors } from '../../../../lib/form-errors';
import { useRequestMine } from '../../api/request-mine';
import { useLocalText } from '../../lib/rule-text';

const YEARLY = '__yearly__';

interface RequestMineModalProps {
  purposes: { key: string; label: LocalText }[];
  /** the year's routine comment is not asked for yet */
  canAskYearly: boolean;
  onClose: () => void;
}

/** The member asks for their own comment online (never through a relative): the year's, or one for a purpose. */
export function RequestMineModal({ purposes, canAskYearly, onClose }: RequestMineModalProps) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const [purpose, setPurpose] = useState<string | null>(canAskYearly ? YEARLY : null);
  const [note, setNote] = useState('');
  const request = useRequestMine();
  const errors = fieldErrors(request.error);
  const submit = () => {
    if (!purpose) return;
    request.mutate(
      { purpose: purpose === YEARLY ? null : purpose, purposeNote: note },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'green',
            message: r.created ? t('requestMine.created') : t('requestMine.exists'),
          });
          onClose();
        },
      },
    );
  };
  const options = [
    ...(canAskYearly ? [{ value: YEARLY, label: t('requestMine.yearly') }] : []),
    ...purposes.map((p) => ({ value: p.key, label: lt(p.label) })),
  ];
  return (
    <FormModal title={t('requestMine.title')} onClose={onClose} onSubmit={submit} error={request.error}>
      <Text size="sm">{t('requestMine.text')}</Text>
      <Select
        label={t('requestMine.purpose')}
        required
        data={options}
        value={purpose}
        onChange={setPurpose}
        error={errors.purpose}
        allowDeselect={false}
        size="md"
      />
      {purpose !== YEARLY && (
        <Textarea
          label={t('onDemand.purposeNote')}
          autosize
          minRows={2}
          size="md"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.purposeNote}
        />
      )}
      <ModalActions
        submitLabel={t('requestMine.submit')}
        onCancel={onClose}
        disabled={!purpose}
        loading={request.isPending}
        size="md"
      />
    </FormModal>
  );
}
