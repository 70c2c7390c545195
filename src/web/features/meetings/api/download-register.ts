import { useMutation } from '@tanstack/react-query';
import { meetingPaths } from '../../../../shared/contracts/meetings';
import { apiBlob, saveBlob } from '../../../lib/api-client';

/** The printable attendance register (invited vs present, with reasons), saved as a PDF. */
export async function downloadRegister({ id, fileName }: { id: string; fileName: string }) {
  const { blob, fileName: given } = await apiBlob(meetingPaths.register(id));
  saveBlob(blob, given ?? fileName);
}

export function useDownloadRegister() {
  return useMutation({ mutationFn: downloadRegister });
}
