import { SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../../components/ui/date-field';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { fieldErrors } from '../../../../lib/form-errors';
import { UnitPicker } from '../../../lookups/components/unit-picker';
import { useCreateRequest } from '../../api/create-request';
import { FormModal } from '../../../../components/ui/form-modal';
import { NoteField } from '../shared/note-field';
import { ResidenceAddressFields } from '../shared/residence-address-fields';

/** "Known here, no letter": who the person is and where they live; the workplace is found from the card number. */
export function RequestFormModal({ communeId, onClose }: { communeId: string; onClose: () => void }) {
  const { t } = useTranslation('introductions');
  const [fullName, setFullName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState<string | null>(null);
  const [cardNumber, setCardNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [workplaceUnitId, setWorkplaceUnitId] = useState<string | null>(null);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [street, setStreet] = useState('');
  const [note, setNote] = useState('');
  const create = useCreateRequest();
  const errors = fieldErrors(create.error);
  const ready = fullName.trim().length >= 3 && (cardNumber.trim() !== '' || !!workplaceUnitId);

  const submit = () => {
    if (!ready) return;
    create.mutate(
      {
        communeId,
        fullName: fullName.trim(),
        dateOfBirth,
        cardNumber: cardNumber.trim(),
        phone,
        workplaceUnitId,
        residenceAreaId: areaId,
        residenceStreet: street,
        note,
      },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'green',
            message: t('requests.sent', { name: fullName.trim(), workplace: r.workplaceUnitName }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal title={t('requests.new')} onClose={onClose} onSubmit={submit} error={create.error}>
      <TextInput
        label={t('fields.fullName')}
        required
        value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)}
        error={errors.fullName}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateField
          label={t('fields.dateOfBirth')}
          value={dateOfBirth}
          onChange={setDateOfBirth}
          error={errors.dateOfBirth}
        />
        <TextInput
          label={t('fields.cardNumber')}
          inputMode="numeric"
          value={cardNumber}
          onChange={(e) => setCardNumber(e.currentTarget.value)}
          error={errors.cardNumber}
        />
      </SimpleGrid>
      <TextInput
        label={t('fields.phone')}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(e.currentTarget.value)}
        error={errors.phone}
      />
      <UnitPicker
        label={t('fields.workplaceCommittee')}
        description={t('requests.workplaceHint2')}
        type="workplace_committee"
        value={workplaceUnitId}
        onChange={(id) => setWorkplaceUnitId(id)}
        error={errors.workplaceUnitId}
      />
      <ResidenceAddressFields
        communeId={communeId}
        areaId={areaId}
        onAreaChange={setAreaId}
        street={street}
        onStreetChange={setStreet}
        errors={errors}
      />
      <NoteField value={note} onChange={setNote} error={errors.note} />
      <ModalActions
        submitLabel={t('requests.send')}
        onCancel={onClose}
        disabled={!ready}
        loading={create.isPending}
      />
    </FormModal>
  );
}
