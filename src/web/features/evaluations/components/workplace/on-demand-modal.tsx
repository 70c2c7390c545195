import { Select, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../../components/ui/date-field';
import { FormModal } from '../../../../components/ui/form-modal';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { todayIso } from '../../../../lib/dates';
import { fieldErrors } from '../../../../lib/form-errors';
import { MemberSearchSelect } from '../../../introductions/components/shared/member-search-select';
import { useRequestOnDemand } from '../../api/request-on-demand';
import { useLocalText } from '../../lib/rule-text';
import { hrefs } from '../../../../app/paths';
import { useCurrentRuleSet } from '../shared/use-kind-label';

/** Art. 3.4: a comment asked for one member before appointing, commending, disciplining or transferring them. */
export function OnDemandModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const navigate = useNavigate();
  const def = useCurrentRuleSet();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<string | null>(null);
  const [purposeNote, setPurposeNote] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const request = useRequestOnDemand();
  const errors = fieldErrors(request.error);
  const ready = !!memberId && !!purpose;

  const submit = () => {
    if (!memberId || !purpose) return;
    request.mutate(
      { memberId, purpose, purposeNote, dueDate },
      {
        onSuccess: (r) => {
          notifications.show({
            color: r.created ? 'green' : 'blue',
            message: r.created ? t('onDemand.created') : t('onDemand.exists'),
          });
          onClose();
          void navigate({ to: hrefs.evaluation(r.id) });
        },
      },
    );
  };

  return (
    <FormModal title={t('onDemand.title')} onClose={onClose} onSubmit={submit} error={request.error}>
      <MemberSearchSelect
        label={t('fields.member')}
        unitId={unitId}
        value={memberId}
        onChange={(id) => setMemberId(id)}
        required
        error={errors.memberId}
      />
      <Select
        label={t('onDemand.purpose')}
        required
        data={(def?.onDemandPurposes ?? []).map((p) => ({ value: p.key, label: lt(p.label) }))}
        value={purpose}
        onChange={setPurpose}
        error={errors.purpose}
      />
      <Textarea
        label={t('onDemand.purposeNote')}
        autosize
        minRows={2}
        value={purposeNote}
        onChange={(e) => setPurposeNote(e.currentTarget.value)}
        error={errors.purposeNote}
      />
      <DateField
        label={t('cycle.dueDate')}
        description={t('cycle.dueHint')}
        minDate={todayIso()}
        value={dueDate}
        onChange={setDueDate}
        error={errors.dueDate}
      />
      <ModalActions
        submitLabel={t('onDemand.submit')}
        onCancel={onClose}
        disabled={!ready}
        loading={request.isPending}
      />
    </FormModal>
  );
}
