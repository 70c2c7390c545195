import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDownloadCellForms } from '../../api/download-cell-forms';

/** Every form of the cell for the year in one PDF, for the cell's file. */
export function PrintCellButton({
  cellId,
  cellName,
  year,
}: {
  cellId: string;
  cellName: string;
  year: number;
}) {
  const { t } = useTranslation('evaluations');
  const download = useDownloadCellForms();
  return (
    <Button
      variant="default"
      size="md"
      leftSection={<IconPrinter size={20} />}
      loading={download.isPending}
      onClick={() =>
        download.mutate({ cellId, year, fileName: `${t('files.cellForms')} ${cellName} ${year}.pdf` })
      }
    >
      {t('list.printCell')}
    </Button>
  );
}
