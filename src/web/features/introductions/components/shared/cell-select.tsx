import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../../org-units/api/list-org-units';

type CellSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  communeId: string | null | undefined;
  value: string | null;
  onChange: (cellId: string | null) => void;
};

/** The residential cells of a commune (Art. 4.1: the commune introduces the member to one of them). */
export function CellSelect({ communeId, value, onChange, ...rest }: CellSelectProps) {
  const { t } = useTranslation('introductions');
  const cells = useOrgUnits({ parentId: communeId ?? undefined, type: 'residential_cell' }, !!communeId);
  const data = (cells.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Select
      placeholder={t('place.chooseCell')}
      searchable
      clearable
      // picking the chosen option again keeps it (the clear button empties the field)
      allowDeselect={false}
      nothingFoundMessage={cells.isFetching ? t('common:state.loading') : t('common:picker.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
    />
  );
}
