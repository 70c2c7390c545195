import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const currentYear = () => new Date().getFullYear();

/** The year's comments: this year and the two before (a cycle opens for this year or the last). */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useTranslation('evaluations');
  const now = currentYear();
  const years = [now, now - 1, now - 2].map(String);
  return (
    <Select
      label={t('fields.year')}
      data={years}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={110}
    />
  );
}
