import { Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentItem } from '../../../../shared/contracts/introductions';
import { listResidents } from '../../introductions/api/list-residents';
import { cellLifeKeys } from '../api/keys';

interface ResidentSelectProps {
  label: string;
  /** the working members living in this unit: a residential cell, or a commune (all its cells) */
  unitId: string | null;
  value: string | null;
  onChange: (memberId: string | null, resident: ResidentItem | null) => void;
  error?: string;
  required?: boolean;
}

/**
 * Picks a working member who lives in the cell (or the commune), by name, diacritics ignored by the server.
 * The cell's list is short, so it opens ready to scroll; typing narrows it.
 */
export function ResidentSelect(props: ResidentSelectProps) {
  const { t } = useTranslation('cellLife');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<ResidentItem | null>(null);
  // once chosen, the box shows the member's name: that is not a new search
  const q = selected && debounced === selected.fullName ? '' : debounced;
  const filters = { unitId: props.unitId ?? undefined, q: q || undefined };
  const query = useQuery({
    queryKey: [...cellLifeKeys.all, 'residents', filters],
    queryFn: () => listResidents(filters),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled: !!props.unitId,
  });
  const residents = query.data ?? [];
  const byId = new Map(residents.map((r) => [r.memberId, r]));
  if (selected) byId.set(selected.memberId, selected);
  const data = residents.map((r) => ({ value: r.memberId, label: r.fullName }));
  if (selected && props.value === selected.memberId && !data.some((d) => d.value === selected.memberId))
    data.unshift({ value: selected.memberId, label: selected.fullName });

  return (
    <Select
      label={props.label}
      placeholder={t('resident.search')}
      searchable
      clearable
      required={props.required}
      error={props.error}
      data={data}
      value={props.value}
      searchValue={search}
      onSearchChange={setSearch}
      // the server already filtered by the typed text
      filter={({ options }) => options}
      onChange={(id) => {
        const resident = id ? (byId.get(id) ?? null) : null;
        setSelected(resident);
        props.onChange(id, resident);
      }}
      renderOption={({ option }) => {
        const r = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {r && (
              <Text size="xs" c="dimmed">
                {[r.residenceCellName, r.workplaceCommitteeName].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Stack>
        );
      }}
      nothingFoundMessage={query.isFetching ? t('common:state.loading') : t('resident.nothingFound')}
      rightSection={query.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
      size="md"
    />
  );
}
