import { useMutation } from '@tanstack/react-query';
import { privacyPaths } from '../../../../shared/contracts/privacy';
import { apiBlob, saveBlob } from '../../../lib/api-client';

/** Everything held about the member, as JSON (every field) or a printable PDF summary. */
export async function downloadMyData(format: 'json' | 'pdf') {
  const path = format === 'json' ? privacyPaths.myExportJson : privacyPaths.myExportPdf;
  const { blob, fileName } = await apiBlob(path);
  saveBlob(blob, fileName ?? `du-lieu-ca-nhan.${format}`);
}

export function useDownloadMyData() {
  return useMutation({ mutationFn: downloadMyData });
}
