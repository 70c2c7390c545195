import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  areaKindSchema,
  unitTypes,
  workplaceSectors,
  type UnitType,
} from '../../../../shared/contracts/org-units';
import { paths } from '../../../app/paths';
import { DateField } from '../../../components/ui/date-field';
import { fieldErrors } from '../../../lib/form-errors';
import { UnitPicker } from '../../lookups/components/unit-picker';
import { useCreateOrgUnit } from '../api/create-org-unit';
import { useResidentialAreas } from '../api/list-residential-areas';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** fixed parent (Add child unit); null lets the user pick one */
  parent: { id: string; name: string; type: string } | null;
}

export function CreateUnitModal({ opened, onClose, parent }: Props) {
  const { t } = useTranslation('org');
  const navigate = useNavigate();
  const mutation = useCreateOrgUnit();
  const [parentId, setParentId] = useState<string | null>(parent?.id ?? null);
  const [parentType, setParentType] = useState<string | null>(parent?.type ?? null);
  const [type, setType] = useState<UnitType | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [sector, setSector] = useState<string | null>(null);
  const [areaMode, setAreaMode] = useState<'existing' | 'new'>('existing');
  const [areaId, setAreaId] = useState<string | null>(null);
  const [areaName, setAreaName] = useState('');
  const [areaKind, setAreaKind] = useState<string>('residential_group');
  const [address, setAddress] = useState('');
  const [meetingPlace, setMeetingPlace] = useState('');
  const [validFrom, setValidFrom] = useState<string | null>(null);
  const errors = fieldErrors(mutation.error);
  const isResidential = type === 'residential_cell';
  const areas = useResidentialAreas(isResidential && parentType === 'commune_committee' ? parentId : null);
  const needsSector = type === 'workplace_committee' || type === 'workplace_cell';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!type) return;
    mutation.mutate(
      {
        parentId,
        code: code.trim(),
        name: name.trim(),
        type,
        sector: needsSector && sector ? (sector as (typeof workplaceSectors)[number]) : null,
        residentialAreaId: isResidential && areaMode === 'existing' ? areaId : null,
        newResidentialArea:
          isResidential && areaMode === 'new'
            ? { name: areaName.trim(), kind: areaKindSchema.parse(areaKind) }
            : null,
        address: address.trim() || null,
        meetingPlace: meetingPlace.trim() || null,
        validFrom: validFrom ?? undefined,
      },
      {
        onSuccess: (unit) => {
          notifications.show({ color: 'green', message: t('create.done', { name: unit.name }) });
          onClose();
          void navigate({ to: paths.unit, params: { unitId: unit.id } });
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={parent ? t('create.childTitle', { name: parent.name }) : t('create.title')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {!parent && (
            <UnitPicker
              label={t('fields.parent')}
              description={t('create.parentHint')}
              value={parentId}
              onChange={(id, unit) => {
                setParentId(id);
                setParentType(unit?.type ?? null);
              }}
              error={errors.parentId}
            />
          )}
          <Select
            label={t('fields.type')}
            required
            data={unitTypes.map((v) => ({ value: v, label: t(`enums:unitType.${v}`) }))}
            value={type}
            onChange={(v) => setType(v as UnitType | null)}
            error={errors.type}
            comboboxProps={{ withinPortal: true }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.code')}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.code}
            />
            <TextInput
              label={t('fields.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
          </SimpleGrid>
          {needsSector && (
            <Select
              label={t('fields.sector')}
              data={workplaceSectors.map((v) => ({ value: v, label: t(`enums:sector.${v}`) }))}
              value={sector}
              onChange={setSector}
              clearable
              error={errors.sector}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {isResidential && (
            <Stack gap="xs">
              <SegmentedControl
                value={areaMode}
                onChange={(v) => setAreaMode(v as 'existing' | 'new')}
                data={[
                  { value: 'existing', label: t('create.existingArea') },
                  { value: 'new', label: t('create.newArea') },
                ]}
              />
              {areaMode === 'existing' ? (
                <Select
                  label={t('fields.residentialArea')}
                  data={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
                  value={areaId}
                  onChange={setAreaId}
                  searchable
                  error={errors.residentialAreaId}
                  nothingFoundMessage={t('create.noAreas')}
                  placeholder={parentType === 'commune_committee' ? undefined : t('create.areaNeedsCommune')}
                  comboboxProps={{ withinPortal: true }}
                />
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('fields.areaName')}
                    value={areaName}
                    onChange={(e) => setAreaName(e.currentTarget.value)}
                    error={errors['newResidentialArea.name']}
                    required
                  />
                  <Select
                    label={t('fields.areaKind')}
                    data={areaKindSchema.options.map((v) => ({ value: v, label: t(`enums:areaKind.${v}`) }))}
                    value={areaKind}
                    onChange={(v) => setAreaKind(v ?? 'residential_group')}
                    comboboxProps={{ withinPortal: true }}
                  />
                </SimpleGrid>
              )}
            </Stack>
          )}
          <TextInput
            label={t('fields.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={errors.address}
          />
          <TextInput
            label={t('fields.meetingPlace')}
            value={meetingPlace}
            onChange={(e) => setMeetingPlace(e.currentTarget.value)}
            error={errors.meetingPlace}
          />
          <DateField
            label={t('fields.validFrom')}
            value={validFrom}
            onChange={setValidFrom}
            error={errors.validFrom}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!type || !code || !name}>
              {t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
