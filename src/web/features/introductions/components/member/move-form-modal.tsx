import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../../components/ui/date-field';
import { todayIso } from '../../../../lib/dates';
import { fieldErrors } from '../../../../lib/form-errors';
import { UnitPicker } from '../../../lookups/components/unit-picker';
import { useReportMove } from '../../api/report-move';
import { AreaSelect } from '../shared/area-select';

/** Art. 2.7: report a move promptly to both cells; the workplace prepares a letter to the new commune. */
export function MoveFormModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('introductions');
  const [movedOn, setMovedOn] = useState<string | null>(todayIso());
  const [communeId, setCommuneId] = useState<string | null>(null);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [street, setStreet] = useState('');
  const [province, setProvince] = useState('');
  const move = useReportMove();
  const errors = fieldErrors(move.error);
  const ready = !!movedOn && !!communeId && street.trim().length >= 3;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !movedOn || !communeId) return;
    move.mutate(
      {
        movedOn,
        residenceCommuneId: communeId,
        residenceAreaId: areaId,
        residenceStreet: street.trim(),
        residenceProvince: province,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('mine.reportMove')} centered size="lg" fullScreen={false}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {move.isError && (
            <Alert color="red" role="alert">
              {move.error.message}
            </Alert>
          )}
          <DateField
            label={t('mine.movedOn')}
            required
            value={movedOn}
            onChange={setMovedOn}
            error={errors.movedOn}
            size="md"
          />
          <UnitPicker
            label={t('mine.newCommune')}
            type="commune_committee"
            value={communeId}
            onChange={(id) => {
              setCommuneId(id);
              setAreaId(null);
            }}
            required
            error={errors.residenceCommuneId}
          />
          <AreaSelect
            communeId={communeId}
            value={areaId}
            onChange={setAreaId}
            error={errors.residenceAreaId}
            size="md"
          />
          <TextInput
            label={t('fields.street')}
            required
            size="md"
            value={street}
            onChange={(e) => setStreet(e.currentTarget.value)}
            error={errors.residenceStreet}
          />
          <TextInput
            label={t('fields.province')}
            size="md"
            value={province}
            onChange={(e) => setProvince(e.currentTarget.value)}
            error={errors.residenceProvince}
          />
          <Group justify="flex-end">
            <Button variant="default" size="md" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" size="md" disabled={!ready} loading={move.isPending}>
              {t('mine.sendMove')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
