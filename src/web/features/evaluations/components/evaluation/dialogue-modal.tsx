import { Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import { disputeOutcomes, type DisputeOutcome } from '../../../../../shared/rules/evaluation';
import { DateField } from '../../../../components/ui/date-field';
import { FormModal } from '../../../../components/ui/form-modal';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { todayIso } from '../../../../lib/dates';
import { fieldErrors } from '../../../../lib/form-errors';
import { useRecordDialogue } from '../../api/record-dialogue';

/**
 * Art. 3.4: the workplace met the commune committee about the member's dispute. The comment stands,
 * or the residence side revises it as a new version (the disputed one is kept).
 */
export function DialogueModal({ d, onClose }: { d: EvaluationDetail; onClose: () => void }) {
  const { t } = useTranslation('evaluations');
  const [dialogueOn, setDialogueOn] = useState<string | null>(todayIso());
  const [participants, setParticipants] = useState('');
  const [notes, setNotes] = useState('');
  const [outcome, setOutcome] = useState<DisputeOutcome | null>(null);
  const record = useRecordDialogue();
  const errors = fieldErrors(record.error);
  const ready = !!dialogueOn && participants.trim().length >= 3 && notes.trim().length >= 3 && !!outcome;
  const submit = () => {
    if (!ready) return;
    // the step may take this dialog's card off the page: the promise, not the observer, carries the outcome
    void record
      .mutateAsync({
        id: d.id,
        body: { dialogueOn, participants: participants.trim(), notes: notes.trim(), outcome },
      })
      .then(() => {
        notifications.show({ color: 'green', message: t(`dialogue.done.${outcome}`) });
        onClose();
      })
      .catch(() => undefined);
  };
  const open = d.disputes.find((x) => x.status === 'open');
  return (
    <FormModal title={t('dialogue.title')} onClose={onClose} onSubmit={submit} error={record.error}>
      {open && (
        <Text size="sm">
          <Text span fw={600}>
            {t('dialogue.memberSaid', { name: d.fullName })}
          </Text>{' '}
          “{open.reason}”
        </Text>
      )}
      <DateField
        label={t('dialogue.on')}
        required
        maxDate={todayIso()}
        value={dialogueOn}
        onChange={setDialogueOn}
        error={errors.dialogueOn}
      />
      <TextInput
        label={t('dialogue.participants')}
        placeholder={t('dialogue.participantsPlaceholder')}
        required
        value={participants}
        onChange={(e) => setParticipants(e.currentTarget.value)}
        error={errors.participants}
      />
      <Textarea
        label={t('dialogue.notes')}
        required
        autosize
        minRows={3}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.notes}
      />
      <Radio.Group
        label={t('dialogue.outcome')}
        required
        value={outcome}
        onChange={(v) => setOutcome(v as DisputeOutcome)}
        error={errors.outcome}
      >
        <Stack gap="xs" mt={4}>
          {disputeOutcomes.map((o) => (
            <Radio
              key={o}
              value={o}
              label={t(`dialogue.outcomes.${o}`)}
              description={t(`dialogue.outcomeHints.${o}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <ModalActions
        submitLabel={t('dialogue.submit')}
        onCancel={onClose}
        disabled={!ready}
        loading={record.isPending}
      />
    </FormModal>
  );
}
