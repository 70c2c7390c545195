import { useMutation } from '@tanstack/react-query';
import { introductionPaths } from '../../../../shared/contracts/introductions';
import { apiBlob, saveBlob } from '../../../lib/api-client';
import { todayIso } from '../../../lib/dates';

/** One PDF with the selected letters, saved as a download. */
export async function printLetters(letterIds: string[]) {
  const { blob, fileName } = await apiBlob(introductionPaths.print, { method: 'POST', body: { letterIds } });
  saveBlob(blob, fileName ?? `giay-gioi-thieu-${todayIso()}.pdf`);
}

export function usePrintLetters() {
  return useMutation({ mutationFn: printLetters });
}
