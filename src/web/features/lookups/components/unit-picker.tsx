import { Loader, MultiSelect, Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitType } from '../../../../shared/contracts/org-units';
import { useUnitLookup, type UnitLookup } from '../api/lookup-units';

interface UnitPickerProps {
  label: string;
  value: string | null;
  onChange: (id: string | null, unit: UnitLookup | null) => void;
  type?: UnitType;
  placeholder?: string;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  /** label to show for the current value before the lookup answers */
  initialLabel?: string | null;
  exclude?: string[];
  description?: string;
}

function toItem(unit: UnitLookup, t: (k: string, o?: object) => string): ComboboxItem {
  const type = t(`enums:unitType.${unit.type}`, { defaultValue: unit.type });
  return { value: unit.id, label: unit.parentName ? `${unit.name} — ${unit.parentName}` : `${unit.name} (${type})` };
}

/** Searchable unit select backed by GET /api/lookups/units (diacritics ignored by the server). */
export function UnitPicker(props: UnitPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const known = useRef(new Map<string, UnitLookup>());
  const query = useUnitLookup({ type: props.type, q: debounced || undefined });

  const data = useMemo(() => {
    const items = (query.data ?? []).filter((u) => !props.exclude?.includes(u.id));
    for (const u of items) known.current.set(u.id, u);
    const out = items.map((u) => toItem(u, t));
    if (props.value && !out.some((i) => i.value === props.value)) {
      const k = known.current.get(props.value);
      out.unshift(k ? toItem(k, t) : { value: props.value, label: props.initialLabel ?? props.value });
    }
    return out;
  }, [query.data, props.value, props.initialLabel, props.exclude, t]);

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
      onChange={(id) => props.onChange(id, id ? (known.current.get(id) ?? null) : null)}
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
  exclude?: string[];
  error?: string;
}

export function UnitMultiPicker(props: UnitMultiPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const known = useRef(new Map<string, UnitLookup>());
  const query = useUnitLookup({ type: props.type, q: debounced || undefined });
  const data = useMemo(() => {
    const items = (query.data ?? []).filter((u) => !props.exclude?.includes(u.id));
    for (const u of items) known.current.set(u.id, u);
    const out = items.map((u) => toItem(u, t));
    for (const id of props.value) {
      if (!out.some((i) => i.value === id)) {
        const k = known.current.get(id);
        if (k) out.push(toItem(k, t));
      }
    }
    return out;
  }, [query.data, props.value, props.exclude, t]);

  return (
    <MultiSelect
      label={props.label}
      placeholder={t('picker.search')}
      searchable
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      error={props.error}
      nothingFoundMessage={query.isFetching ? t('state.loading') : t('picker.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
