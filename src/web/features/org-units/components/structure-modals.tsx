import { Alert, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDetail } from '../../../../shared/contracts/org-units';
import { ConfirmModal } from '../../../components/ui/confirm-modal';
import { DateField } from '../../../components/ui/date-field';
import { fieldErrors } from '../../../lib/form-errors';
import { UnitMultiPicker, UnitPicker } from '../../lookups/components/unit-picker';
import { useDissolveOrgUnit } from '../api/dissolve-org-unit';
import { useMergeOrgUnits } from '../api/merge-org-units';
import { useMoveOrgUnit } from '../api/move-org-unit';

interface Props {
  unit: OrgUnitDetail;
  onClose: () => void;
}

export function MoveUnitModal({ unit, onClose }: Props) {
  const { t } = useTranslation('org');
  const mutation = useMoveOrgUnit();
  const [newParentId, setNewParentId] = useState<string | null>(null);
  const [effectiveDate, setEffectiveDate] = useState<string | null>(null);
  const errors = fieldErrors(mutation.error);
  return (
    <ConfirmModal
      opened
      title={t('move.title', { name: unit.name })}
      message={t('move.text')}
      confirmLabel={t('actions.move')}
      color="orange"
      loading={mutation.isPending}
      confirmDisabled={!newParentId}
      onClose={onClose}
      onConfirm={() =>
        newParentId &&
        mutation.mutate(
          { id: unit.id, body: { newParentId, effectiveDate: effectiveDate ?? undefined } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('move.done') });
              onClose();
            },
          },
        )
      }
    >
      <Stack>
        <UnitPicker
          label={t('fields.newParent')}
          value={newParentId}
          onChange={(id) => setNewParentId(id)}
          exclude={[unit.id, unit.parentId ?? '']}
          error={errors.newParentId}
          required
        />
        <DateField
          label={t('fields.effectiveDate')}
          value={effectiveDate}
          onChange={setEffectiveDate}
          error={errors.effectiveDate}
        />
      </Stack>
    </ConfirmModal>
  );
}

export function MergeUnitsModal({ unit, onClose }: Props) {
  const { t } = useTranslation('org');
  const mutation = useMergeOrgUnits();
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [effectiveDate, setEffectiveDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const errors = fieldErrors(mutation.error);
  return (
    <ConfirmModal
      opened
      title={t('merge.title', { name: unit.name })}
      confirmLabel={t('actions.merge')}
      color="violet"
      loading={mutation.isPending}
      confirmDisabled={sourceIds.length === 0}
      onClose={onClose}
      onConfirm={() =>
        mutation.mutate(
          {
            targetId: unit.id,
            body: { sourceIds, effectiveDate: effectiveDate ?? undefined, note: note.trim() || undefined },
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('merge.done', { count: sourceIds.length }) });
              onClose();
            },
          },
        )
      }
    >
      <Stack>
        <Alert color="violet" variant="light">
          {t('merge.text', { name: unit.name })}
        </Alert>
        <UnitMultiPicker
          label={t('fields.sources')}
          value={sourceIds}
          onChange={setSourceIds}
          type={unit.type}
          exclude={[unit.id]}
          error={errors.sourceIds}
        />
        <DateField
          label={t('fields.effectiveDate')}
          value={effectiveDate}
          onChange={setEffectiveDate}
          error={errors.effectiveDate}
        />
        <Textarea
          label={t('fields.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
      </Stack>
    </ConfirmModal>
  );
}

export function DissolveUnitModal({ unit, onClose }: Props) {
  const { t } = useTranslation('org');
  const mutation = useDissolveOrgUnit();
  const [effectiveDate, setEffectiveDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const errors = fieldErrors(mutation.error);
  return (
    <ConfirmModal
      opened
      title={t('dissolve.title', { name: unit.name })}
      message={t('dissolve.text')}
      confirmLabel={t('actions.dissolve')}
      loading={mutation.isPending}
      onClose={onClose}
      onConfirm={() =>
        mutation.mutate(
          {
            id: unit.id,
            body: { effectiveDate: effectiveDate ?? undefined, note: note.trim() || undefined },
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('dissolve.done') });
              onClose();
            },
          },
        )
      }
    >
      <Stack>
        {mutation.isError && (
          <Alert color="red" role="alert">
            {mutation.error.message}
          </Alert>
        )}
        <DateField
          label={t('fields.effectiveDate')}
          value={effectiveDate}
          onChange={setEffectiveDate}
          error={errors.effectiveDate}
        />
        <Textarea
          label={t('fields.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
      </Stack>
    </ConfirmModal>
  );
}
