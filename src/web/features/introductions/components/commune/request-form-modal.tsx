import { Alert, Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../../components/ui/date-field';
import { fieldErrors } from '../../../../lib/form-errors';
import { UnitPicker } from '../../../lookups/components/unit-picker';
import { useCreateRequest } from '../../api/create-request';
import { AreaSelect } from '../shared/area-select';

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

  const submit = (e: FormEvent) => {
    e.preventDefault();
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
    <Modal opened onClose={onClose} title={t('requests.new')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.isError && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
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
          <AreaSelect
            communeId={communeId}
            value={areaId}
            onChange={setAreaId}
            error={errors.residenceAreaId}
          />
          <TextInput
            label={t('fields.street')}
            value={street}
            onChange={(e) => setStreet(e.currentTarget.value)}
            error={errors.residenceStreet}
          />
          <Textarea
            label={t('fields.note')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" disabled={!ready} loading={create.isPending}>
              {t('requests.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
