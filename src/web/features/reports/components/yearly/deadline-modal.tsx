import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../../components/ui/date-field';
import { FormModal } from '../../../../components/ui/form-modal';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { fieldErrors } from '../../../../lib/form-errors';
import { useSetDeadline } from '../../api/set-deadline';

/** The committee above sets (or moves) the deadline of the year's reports; the committees below are told. */
export function DeadlineModal({ unitId, year, current, onClose }: { unitId: string; year: number; current: { dueDate: string; note: string | null } | null; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const [dueDate, setDueDate] = useState<string | null>(current?.dueDate ?? null);
  const [note, setNote] = useState(current?.note ?? '');
  const mutation = useSetDeadline();
  const errors = fieldErrors(mutation.error);
  return (
    <FormModal
      title={t('submissions.deadlineTitle', { year })}
      onClose={onClose}
      error={mutation.error && !errors.dueDate ? mutation.error : null}
      onSubmit={() => dueDate && mutation.mutate({ unitId, year, dueDate, note: note.trim() || null }, { onSuccess: onClose })}
    >
      <DateField label={t('submissions.dueDate')} required value={dueDate} onChange={setDueDate} error={errors.dueDate} minDate={new Date()} size="md" />
      <Textarea label={t('submissions.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
      <ModalActions submitLabel={t('submissions.saveDeadline')} onCancel={onClose} loading={mutation.isPending} disabled={!dueDate} />
    </FormModal>
  );
}
