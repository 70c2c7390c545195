import { SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { FormModal } from '../../../components/ui/form-modal';
import { ModalActions } from '../../../components/ui/modal-actions';
import { createWarningBodySchema } from '../../../../shared/contracts/cell-life';
import { todayIso } from '../../../lib/dates';
import { useFormCheck } from '../../../lib/use-form-check';
import { cellGrants, communeGrants, isAdmin } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { UnitPicker } from '../../lookups/components/unit-picker';
import { useCreateWarning } from '../api/create-warning';
import { isoDaysAfter } from '../lib/dates';
import { ResidentSelect } from './resident-select';

type Kind = 'reminder' | 'warning';
/** a month to improve, unless the committee decides otherwise */
const DEFAULT_DAYS = 30;

interface WarningFormModalProps {
  onClose: () => void;
  /** from the member's page: the member and their residence cell are known */
  member?: { id: string; name: string; cellId: string; cellName: string | null };
}

/**
 * Art. 4.4: the cell committee reminds or warns a working member of the cell, with a deadline. Still open at
 * the deadline, it goes to the member's workplace committee on its own.
 */
export function WarningFormModal({ onClose, member }: WarningFormModalProps) {
  const { t } = useTranslation('cellLife');
  const me = useCurrentUser();
  const cells = cellGrants(me);
  const pickAny = isAdmin(me) || communeGrants(me).length > 0;
  const [cellId, setCellId] = useState<string | null>(
    member?.cellId ?? (!pickAny && cells.length === 1 ? (cells[0]!.unitId ?? null) : null),
  );
  const [memberId, setMemberId] = useState<string | null>(member?.id ?? null);
  const [kind, setKind] = useState<Kind>('reminder');
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState<string | null>(isoDaysAfter(todayIso(), DEFAULT_DAYS));
  const create = useCreateWarning();
  const body = { cellId, memberId, kind, reason: reason.trim(), deadline };
  const { errors, check, ref: formRef } = useFormCheck(createWarningBodySchema, body, create.error);

  const submit = () => {
    if (!check() || !cellId || !memberId || !deadline) return;
    create.mutate(
      { ...body, cellId, memberId, deadline },
      {
        onSuccess: (w) => {
          notifications.show({ color: 'green', message: t('warningForm.sent', { member: w.memberName }) });
          onClose();
        },
      },
    );
  };

  const cellName = member?.cellName ?? cells.find((g) => g.unitId === cellId)?.unitName ?? null;
  return (
    <FormModal
      title={t('warningForm.title')}
      onClose={onClose}
      onSubmit={submit}
      error={create.error}
      formRef={formRef}
    >
      {member ? (
        <Text size="sm">
          {t('warningForm.member')}: <b>{member.name}</b>
          {member.cellName && ` — ${member.cellName}`}
        </Text>
      ) : (
        <>
          {pickAny ? (
            <UnitPicker
              label={t('warningForm.cell')}
              type="residential_cell"
              within="reach"
              value={cellId}
              onChange={(id) => {
                setCellId(id);
                setMemberId(null);
              }}
              required
              error={errors.cellId}
            />
          ) : cells.length > 1 ? (
            <Select
              label={t('warningForm.cell')}
              required
              allowDeselect={false}
              data={cells.map((g) => ({ value: g.unitId as string, label: g.unitName ?? '' }))}
              value={cellId}
              onChange={(id) => {
                setCellId(id);
                setMemberId(null);
              }}
              error={errors.cellId}
              size="md"
            />
          ) : (
            <Text size="sm">
              {t('warningForm.cell')}: <b>{cellName}</b>
            </Text>
          )}
          <ResidentSelect
            key={cellId ?? 'none'}
            label={t('warningForm.member')}
            unitId={cellId}
            value={memberId}
            onChange={(id) => setMemberId(id)}
            error={errors.memberId}
            required
          />
        </>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="warning-kind-label">
          {t('warningForm.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="warning-kind-label"
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'reminder', label: t('warningKind.reminder') },
            { value: 'warning', label: t('warningKind.warning') },
          ]}
          fullWidth
          size="md"
        />
      </Stack>
      <Textarea
        label={t('warningForm.reason')}
        description={t('warningForm.reasonHint')}
        required
        autosize
        minRows={3}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
      />
      <DateField
        label={t('warningForm.deadline')}
        description={t('warningForm.deadlineHint')}
        required
        clearable={false}
        minDate={isoDaysAfter(todayIso(), 1)}
        value={deadline}
        onChange={setDeadline}
        error={errors.deadline}
        size="md"
      />
      <ModalActions
        submitLabel={t('warningForm.submit')}
        onCancel={onClose}
        loading={create.isPending}
        size="md"
      />
    </FormModal>
  );
}
