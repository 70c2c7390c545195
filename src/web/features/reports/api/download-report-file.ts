import { useMutation } from '@tanstack/react-query';
import { apiBlob, saveBlob, type QueryParams } from '../../../lib/api-client';

/** Any generated file of the reports (Excel of a table or a list, a report as PDF/DOCX): fetched, then saved. */
export function useDownloadReportFile() {
  return useMutation({
    mutationFn: async (p: { path: string; query?: QueryParams; fallbackName: string }) => {
      const { blob, fileName } = await apiBlob(p.path, { query: p.query });
      saveBlob(blob, fileName ?? p.fallbackName);
    },
  });
}
