import { Loader, MultiSelect, Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitType } from '../../../../shared/contracts/org-units';
import { useOrgUnit } from '../../org-units/api/get-org-unit';
import { useUnitLookup, type UnitLookup } from '../api/lookup-units';

interface UnitPickerProps {
  label: string;
  value: string | null;
  onChange: (id: string | null, unit: UnitLookup | null) => void;
  type?: UnitType;
  /** only units within the user's own grants */
  within?: 'reach';
  placeholder?: string;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  /** label to show for the current value before the lookup answers */
  initialLabel?: string | null;
  exclude?: string[];
  description?: string;
}

function toItem(unit: UnitLookup, t: TFunction): ComboboxItem {
  const type = t(`enums:unitType.${unit.type}`, { defaultValue: unit.type });
  return {
    value: unit.id,
    label: unit.parentName ? `${unit.name} — ${unit.parentName}` : `${unit.name} (${type})`,
  };
}

/** Searchable unit select backed by GET /api/lookups/units (diacritics ignored by the server). */
export function UnitPicker(props: UnitPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // the chosen unit, kept so its label survives a new search
  const [selected, setSelected] = useState<UnitLookup | null>(null);
  const query = useUnitLookup({ type: props.type, within: props.within, q: debounced || undefined });
  const units = (query.data ?? []).filter((u) => !props.exclude?.includes(u.id));

  const data = units.map((u) => toItem(u, t));
  const missing = !!props.value && !data.some((i) => i.value === props.value) && selected?.id !== props.value;
  // a value that came from the URL: ask for its name
  const detail = useOrgUnit(props.value, missing && !props.initialLabel);
  if (props.value && !data.some((i) => i.value === props.value)) {
    data.unshift(
      selected?.id === props.value
        ? toItem(selected, t)
        : { value: props.value, label: props.initialLabel ?? detail.data?.name ?? '…' },
    );
  }

  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={props.placeholder ?? t('picker.search')}
      searchable
      clearable={props.clearable ?? true}
      required={props.required}
      error={props.error}
      data={data}
      value={props.value}
      // the server already filtered by the typed text
      filter={({ options }) => options}
      onSearchChange={setSearch}
      onChange={(id) => {
        const unit = units.find((u) => u.id === id) ?? null;
        setSelected(unit);
        props.onChange(id, unit);
      }}
      nothingFoundMessage={query.isFetching ? t('state.loading') : t('picker.nothingFound')}
      rightSection={query.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface UnitMultiPickerProps {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  type?: UnitType;
  /** only units within the user's own grants */
  within?: 'reach';
  exclude?: string[];
  error?: string;
}

export function UnitMultiPicker(props: UnitMultiPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [selected, setSelected] = useState<UnitLookup[]>([]);
  const query = useUnitLookup({ type: props.type, within: props.within, q: debounced || undefined });
  const units = (query.data ?? []).filter((u) => !props.exclude?.includes(u.id));

  const data = units.map((u) => toItem(u, t));
  for (const unit of selected) {
    if (props.value.includes(unit.id) && !data.some((i) => i.value === unit.id)) data.push(toItem(unit, t));
  }

  return (
    <MultiSelect
      label={props.label}
      placeholder={t('picker.search')}
      searchable
      data={data}
      value={props.value}
      onChange={(ids) => {
        const pool = [...selected, ...units];
        setSelected(ids.map((id) => pool.find((u) => u.id === id)).filter((u): u is UnitLookup => !!u));
        props.onChange(ids);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      error={props.error}
      nothingFoundMessage={query.isFetching ? t('state.loading') : t('picker.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
