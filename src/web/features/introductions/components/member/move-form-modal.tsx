import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../../components/ui/date-field';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { todayIso } from '../../../../lib/dates';
import { fieldErrors } from '../../../../lib/form-errors';
import { useReportMove } from '../../api/report-move';
import { FormModal } from '../../../../components/ui/form-modal';
import { ResidenceAddressFields } from '../shared/residence-address-fields';

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

  const submit = () => {
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
    <FormModal title={t('mine.reportMove')} onClose={onClose} onSubmit={submit} error={move.error}>
      <DateField
        label={t('mine.movedOn')}
        required
        value={movedOn}
        onChange={setMovedOn}
        error={errors.movedOn}
        size="md"
      />
      <ResidenceAddressFields
        communeId={communeId}
        commune={{ label: t('mine.newCommune'), onChange: setCommuneId, error: errors.residenceCommuneId }}
        areaId={areaId}
        onAreaChange={setAreaId}
        street={street}
        onStreetChange={setStreet}
        errors={errors}
        streetRequired
        size="md"
      />
      <TextInput
        label={t('fields.province')}
        size="md"
        value={province}
        onChange={(e) => setProvince(e.currentTarget.value)}
        error={errors.residenceProvince}
      />
      <ModalActions
        submitLabel={t('mine.sendMove')}
        onCancel={onClose}
        disabled={!ready}
        loading={move.isPending}
        size="md"
      />
    </FormModal>
  );
}
