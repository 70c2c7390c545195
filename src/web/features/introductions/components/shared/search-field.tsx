import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface SearchFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** beside a control that already names the list, the label is for screen readers only */
  hiddenLabel?: boolean;
  minWidth?: number;
}

/** Name or card number search over a hub list; it grows to fill the filter row. */
export function SearchField({ value, onChange, hiddenLabel = false, minWidth = 200 }: SearchFieldProps) {
  const { t } = useTranslation('introductions');
  const label = t('queue.search');
  return (
    <TextInput
      style={{ flex: 1, minWidth }}
      label={hiddenLabel ? undefined : label}
      aria-label={hiddenLabel ? label : undefined}
      placeholder={t('queue.searchPlaceholder')}
      leftSection={<IconSearch size={16} />}
      type="search"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
