import { useMutation } from '@tanstack/react-query';
import { evaluationPaths } from '../../../../shared/contracts/evaluations';
import { apiBlob, saveBlob } from '../../../lib/api-client';

/** Every form of a cell for a year in one PDF, to print for the cell's file. */
export async function downloadCellForms({
  cellId,
  year,
  fileName,
}: {
  cellId: string;
  year: number;
  fileName: string;
}) {
  const { blob, fileName: given } = await apiBlob(evaluationPaths.batchPdf, { query: { cellId, year } });
  saveBlob(blob, given ?? fileName);
}

export function useDownloadCellForms() {
  return useMutation({ mutationFn: downloadCellForms });
}
