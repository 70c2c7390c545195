import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberListItem } from '../../../../../shared/contracts/members';
import { formatDate } from '../../../../lib/dates';
import { listMembers } from '../../../members/api/list-members';

interface MemberSearchSelectProps {
  label: string;
  /** search within this unit's subtree (the workplace committee) */
  unitId: string | null;
  value: string | null;
  onChange: (memberId: string | null, member: MemberListItem | null) => void;
  error?: string;
  required?: boolean;
  initialSearch?: string;
}

/** Working members of a unit by name or card number (diacritics ignored by the server). */
export function MemberSearchSelect(props: MemberSearchSelectProps) {
  const { t } = useTranslation('introductions');
  const [search, setSearch] = useState(props.initialSearch ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<MemberListItem | null>(null);
  // once chosen, the box shows the member's label: that is not a new search
  const q = selected && debounced === optionLabel(selected) ? '' : debounced;
  const filters = {
    q: q || undefined,
    unitId: props.unitId ?? undefined,
    workingOnly: true,
    status: 'active' as const,
  };
  const query = useQuery({
    queryKey: ['members', 'list', 'picker', filters],
    queryFn: () => listMembers(filters),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled: !!props.unitId,
  });
  const members = query.data ?? [];
  const data = members.map((m) => ({ value: m.id, label: optionLabel(m) }));
  if (selected && props.value === selected.id && !data.some((d) => d.value === selected.id))
    data.unshift({ value: selected.id, label: optionLabel(selected) });

  return (
    <Select
      label={props.label}
      placeholder={t('fields.memberSearch')}
      searchable
      clearable
      required={props.required}
      error={props.error}
      data={data}
      value={props.value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(id) => {
        const member = members.find((m) => m.id === id) ?? null;
        setSelected(member);
        props.onChange(id, member);
      }}
      nothingFoundMessage={query.isFetching ? t('common:state.loading') : t('common:picker.nothingFound')}
      rightSection={query.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function optionLabel(m: MemberListItem) {
  return `${m.fullName} · ${formatDate(m.dateOfBirth)} · ${m.cardNumber}`;
}
