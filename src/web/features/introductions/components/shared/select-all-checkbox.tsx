import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Selection } from './use-selection';

interface SelectAllCheckboxProps {
  selection: Selection;
  /** ids of the loaded rows the batch step applies to */
  selectable: string[];
}

/** Batch steps act on what is on screen: "all" means the pages loaded so far, and the label says how many. */
export function SelectAllCheckbox({ selection, selectable }: SelectAllCheckboxProps) {
  const { t } = useTranslation('introductions');
  const allSelected = selectable.length > 0 && selectable.every((id) => selection.has(id));
  return (
    <Checkbox
      label={t('queue.selectAllLoaded', { count: selectable.length })}
      checked={allSelected}
      indeterminate={selection.size > 0 && !allSelected}
      disabled={selectable.length === 0}
      onChange={(e) => (e.currentTarget.checked ? selection.set(selectable) : selection.clear())}
    />
  );
}
