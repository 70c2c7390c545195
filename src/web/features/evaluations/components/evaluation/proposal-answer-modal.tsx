import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import { proposalAnswers, type ProposalAnswer } from '../../../../../shared/rules/evaluation';
import { FormModal } from '../../../../components/ui/form-modal';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { fieldErrors } from '../../../../lib/form-errors';
import { useAnswerProposal } from '../../api/answer-proposal';

/** The cell proposed to commend or to consider discipline: the workplace says what it did with it. */
export function ProposalAnswerModal({
  d,
  proposal,
  onClose,
}: {
  d: EvaluationDetail;
  proposal: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('evaluations');
  const [answer, setAnswer] = useState<ProposalAnswer | null>(d.proposalAnswer);
  const [note, setNote] = useState(d.proposalAnswerNote ?? '');
  const save = useAnswerProposal();
  const errors = fieldErrors(save.error);
  const submit = () => {
    if (!answer) return;
    // the step may take this dialog's card off the page: the promise, not the observer, carries the outcome
    void save
      .mutateAsync({ id: d.id, body: { answer, note } })
      .then(() => {
        notifications.show({ color: 'green', message: t('proposal.done') });
        onClose();
      })
      .catch(() => undefined);
  };
  return (
    <FormModal title={t('proposal.title')} onClose={onClose} onSubmit={submit} error={save.error}>
      <Text>{t('proposal.text', { name: d.fullName, proposal })}</Text>
      <Radio.Group
        label={t('proposal.answer')}
        value={answer}
        onChange={(v) => setAnswer(v as ProposalAnswer)}
        required
        error={errors.answer}
      >
        <Stack gap="xs" mt={4}>
          {proposalAnswers.map((a) => (
            <Radio key={a} value={a} label={t(`proposal.answers.${a}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('proposal.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
      <ModalActions
        submitLabel={t('proposal.submit')}
        onCancel={onClose}
        disabled={!answer}
        loading={save.isPending}
      />
    </FormModal>
  );
}
