import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { workplaceSectors, type OrgUnitDetail } from '../../../../shared/contracts/org-units';
import { DateField } from '../../../components/ui/date-field';
import { fieldErrors } from '../../../lib/form-errors';
import { useUpdateOrgUnit } from '../api/update-org-unit';

export function EditUnitModal({ unit, onClose }: { unit: OrgUnitDetail; onClose: () => void }) {
  const { t } = useTranslation('org');
  const mutation = useUpdateOrgUnit();
  const [name, setName] = useState(unit.name);
  const [sector, setSector] = useState<string | null>(unit.sector);
  const [address, setAddress] = useState(unit.address ?? '');
  const [phone, setPhone] = useState(unit.phone ?? '');
  const [email, setEmail] = useState(unit.email ?? '');
  const [meetingPlace, setMeetingPlace] = useState(unit.meetingPlace ?? '');
  const [effectiveDate, setEffectiveDate] = useState<string | null>(null);
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      {
        id: unit.id,
        body: {
          ...(unit.canManage
            ? { name: name.trim(), sector: (sector as (typeof workplaceSectors)[number] | null) ?? null }
            : {}),
          address: address.trim() || null,
          phone: phone.trim() || null,
          email: email.trim() || null,
          meetingPlace: meetingPlace.trim() || null,
          effectiveDate: effectiveDate ?? undefined,
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('edit.done') });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('edit.title', { name: unit.name })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            disabled={!unit.canManage}
            description={unit.canManage ? undefined : t('edit.renameBySuperior')}
          />
          {name.trim() !== unit.name && (
            <DateField
              label={t('fields.effectiveDate')}
              description={t('edit.effectiveHint')}
              value={effectiveDate}
              onChange={setEffectiveDate}
              error={errors.effectiveDate}
            />
          )}
          {(unit.type === 'workplace_committee' || unit.type === 'workplace_cell') && (
            <Select
              label={t('fields.sector')}
              data={workplaceSectors.map((v) => ({ value: v, label: t(`enums:sector.${v}`) }))}
              value={sector}
              onChange={setSector}
              clearable
              disabled={!unit.canManage}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <TextInput
            label={t('fields.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={errors.address}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.phone')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={errors.phone}
            />
            <TextInput
              label={t('fields.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
            />
          </SimpleGrid>
          <TextInput
            label={t('fields.meetingPlace')}
            value={meetingPlace}
            onChange={(e) => setMeetingPlace(e.currentTarget.value)}
            error={errors.meetingPlace}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
