import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAreaLookup } from '../../../lookups/api/lookup-areas';

type AreaSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  communeId: string | null | undefined;
  value: string | null;
  onChange: (areaId: string | null) => void;
};

/** Village / residential group of a commune (where the Front working committee is, Art. 4.4). */
export function AreaSelect({ communeId, value, onChange, ...rest }: AreaSelectProps) {
  const { t } = useTranslation('introductions');
  const areas = useAreaLookup(communeId);
  // area names already read "Khối 5", "Xóm 3"…
  const data = (areas.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Select
      label={t('fields.residenceArea')}
      placeholder={communeId ? t('fields.areaPlaceholder') : t('fields.areaNeedsCommune')}
      disabled={!communeId}
      searchable
      clearable
      // picking the chosen option again keeps it (the clear button empties the field)
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
    />
  );
}
