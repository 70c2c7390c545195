import { Alert, Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeKindSchema, type NoticeKind } from '../../../../../shared/contracts/introductions';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { DateField } from '../../../../components/ui/date-field';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { todayIso } from '../../../../lib/dates';
import { fieldErrors } from '../../../../lib/form-errors';
import { UnitPicker } from '../../../lookups/components/unit-picker';
import { useCreateNotice } from '../../api/create-notice';
import { FormModal } from '../../../../components/ui/form-modal';
import { MemberSearchSelect } from '../shared/member-search-select';
import { NoteField } from '../shared/note-field';

const periodKinds: NoticeKind[] = ['often_away', 'mobile', 'special_duty'];
/** Art. 3.2: these end the member's activity at the residence; asked twice. */
const endingKinds: NoticeKind[] = ['expelled', 'removed', 'left'];

export function NoticeFormModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation('introductions');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [memberName, setMemberName] = useState('');
  const [kind, setKind] = useState<NoticeKind | null>(null);
  const [effectiveDate, setEffectiveDate] = useState<string | null>(todayIso());
  const [periodFrom, setPeriodFrom] = useState<string | null>(null);
  const [periodTo, setPeriodTo] = useState<string | null>(null);
  const [newJobTitle, setNewJobTitle] = useState('');
  const [newCellId, setNewCellId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const create = useCreateNotice();
  const errors = fieldErrors(create.error);
  const ready = !!memberId && !!kind && !!effectiveDate && (kind !== 'job_transfer' || !!newCellId);

  const send = () => {
    if (!memberId || !kind || !effectiveDate) return;
    create.mutate(
      {
        memberId,
        kind,
        effectiveDate,
        periodFrom: periodKinds.includes(kind) ? periodFrom : null,
        periodTo: periodKinds.includes(kind) ? periodTo : null,
        newJobTitle: kind === 'position_change' ? newJobTitle : null,
        newCellId: kind === 'job_transfer' ? newCellId : null,
        note,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('notices.sent', { name: memberName }) });
          onClose();
        },
        onSettled: () => setConfirming(false),
      },
    );
  };

  const submit = () => {
    if (!ready) return;
    if (kind && endingKinds.includes(kind)) setConfirming(true);
    else send();
  };

  return (
    <>
      <FormModal
        title={t('notices.new')}
        opened={!confirming}
        onClose={onClose}
        onSubmit={submit}
        error={create.error}
      >
        <MemberSearchSelect
          label={t('fields.member')}
          unitId={unitId}
          value={memberId}
          onChange={(id, m) => {
            setMemberId(id);
            setMemberName(m?.fullName ?? '');
          }}
          required
          error={errors.memberId}
        />
        <Select
          label={t('notices.kind')}
          required
          data={noticeKindSchema.options.map((k) => ({ value: k, label: t(`enums:noticeKind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as NoticeKind | null)}
          error={errors.kind}
          comboboxProps={{ withinPortal: true }}
        />
        {kind && endingKinds.includes(kind) && (
          <Alert color="red" variant="light">
            {t('notices.endingHint')}
          </Alert>
        )}
        <DateField
          label={t('notices.effectiveDate')}
          required
          value={effectiveDate}
          onChange={setEffectiveDate}
          error={errors.effectiveDate}
        />
        {kind && periodKinds.includes(kind) && (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <DateField
              label={t('notices.periodFrom')}
              value={periodFrom}
              onChange={setPeriodFrom}
              error={errors.periodFrom}
            />
            <DateField
              label={t('notices.periodTo')}
              value={periodTo}
              onChange={setPeriodTo}
              error={errors.periodTo}
            />
          </SimpleGrid>
        )}
        {kind === 'position_change' && (
          <TextInput
            label={t('notices.newJobTitleLabel')}
            value={newJobTitle}
            onChange={(e) => setNewJobTitle(e.currentTarget.value)}
            error={errors.newJobTitle}
          />
        )}
        {kind === 'job_transfer' && (
          <UnitPicker
            label={t('notices.newCellLabel')}
            type="workplace_cell"
            value={newCellId}
            onChange={(id) => setNewCellId(id)}
            required
            error={errors.newCellId}
          />
        )}
        <NoteField value={note} onChange={setNote} error={errors.note} />
        <ModalActions
          submitLabel={t('notices.send')}
          onCancel={onClose}
          disabled={!ready}
          loading={create.isPending}
        />
      </FormModal>
      <ConfirmModal
        opened={confirming}
        title={t('notices.confirmEndingTitle')}
        message={t('notices.confirmEnding', {
          name: memberName,
          kind: kind ? t(`enums:noticeKind.${kind}`) : '',
        })}
        confirmLabel={t('notices.send')}
        loading={create.isPending}
        onConfirm={send}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
